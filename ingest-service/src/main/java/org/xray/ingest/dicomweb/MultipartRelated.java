package org.xray.ingest.dicomweb;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed {@code multipart/related} body (RFC 2387), as DICOMweb STOW-RS sends it: one part per instance.
 * Parts are sliced out of the body without decoding, since DICOM bytes are binary.
 */
public final class MultipartRelated {

    /** One body part: its headers (names lower-cased) and its bytes. */
    public record Part(Map<String, String> headers, byte[] body) {

        public String contentType() {
            return headers.getOrDefault("content-type", "application/octet-stream");
        }
    }

    private MultipartRelated() {
    }

    /** The value of a parameter of a media type ({@code type}, {@code boundary}), without quotes. */
    public static Optional<String> parameter(String mediaType, String name) {
        for (String piece : mediaType.split(";")) {
            int equals = piece.indexOf('=');
            if (equals > 0 && piece.substring(0, equals).trim().equalsIgnoreCase(name)) {
                String value = piece.substring(equals + 1).trim();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** @throws MalformedMultipartException naming what is wrong with the body */
    public static List<Part> parse(String contentType, byte[] body) {
        String boundary = parameter(contentType, "boundary").filter(b -> !b.isEmpty()).orElseThrow(() ->
                new MalformedMultipartException("Content-Type has no boundary parameter: " + contentType));
        byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
        int position = indexOf(body, delimiter, 0);
        if (position < 0) {
            throw new MalformedMultipartException("the body does not contain the boundary '" + boundary + "'");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int afterDelimiter = position + delimiter.length;
            if (startsWith(body, afterDelimiter, "--")) {
                return parts;
            }
            int headersStart = skipLineEnd(body, afterDelimiter);
            int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), headersStart);
            if (headersEnd < 0) {
                throw new MalformedMultipartException("part " + (parts.size() + 1) + " has no end of headers");
            }
            int bodyStart = headersEnd + 4;
            int next = indexOf(body, ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII), bodyStart - 2);
            if (next < 0) {
                throw new MalformedMultipartException("part " + (parts.size() + 1)
                        + " is not closed by the boundary; the body looks truncated");
            }
            byte[] partBody = Arrays.copyOfRange(body, bodyStart, Math.max(bodyStart, next));
            parts.add(new Part(headers(body, headersStart, headersEnd), partBody));
            position = next + 2;
        }
    }

    private static Map<String, String> headers(byte[] body, int from, int to) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (to <= from) {
            return headers;
        }
        for (String line : new String(body, from, to - from, StandardCharsets.ISO_8859_1).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private static int skipLineEnd(byte[] body, int index) {
        int i = index;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        if (startsWith(body, i, "\r\n")) {
            return i + 2;
        }
        throw new MalformedMultipartException("boundary line at byte " + index + " is not followed by CRLF");
    }

    private static boolean startsWith(byte[] body, int index, String text) {
        if (index + text.length() > body.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (body[index + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
