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
 * A parsed {@code multipart/related} body (RFC 2387, RFC 2046), as DICOMweb STOW-RS sends it: one part per
 * instance. Parts are sliced out of the body without decoding, since DICOM bytes are binary. Lines may end in CRLF,
 * as the RFC says, or in a bare LF, as some scripted clients send.
 */
public final class MultipartRelated {

    /** One body part: its headers (names lower-cased) and its bytes. */
    public record Part(Map<String, String> headers, byte[] body) {

        public Part {
            headers = Map.copyOf(headers);
        }

        /** The Content-Type without parameters; RFC 2046's default when the part has none. */
        public String mediaType() {
            return headers.getOrDefault("content-type", "text/plain").split(";")[0].trim();
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
        byte[] delimiter = ascii("--" + boundary);
        byte[] nextDelimiter = ascii("\n--" + boundary);
        int position = firstDelimiter(body, delimiter);
        if (position < 0) {
            throw new MalformedMultipartException("the body does not contain the boundary '" + boundary + "'");
        }
        List<Part> parts = new ArrayList<>();
        while (true) {
            int cursor = position + delimiter.length;
            if (startsWith(body, cursor, "--")) {
                return parts;
            }
            cursor = afterLineEnd(body, cursor);
            Map<String, String> headers = new LinkedHashMap<>();
            cursor = readHeaders(body, cursor, headers, parts.size() + 1);
            // Search from the blank line's LF, so that an empty part body is found too.
            int next = indexOf(body, nextDelimiter, cursor - 1);
            if (next < 0) {
                throw new MalformedMultipartException("part " + (parts.size() + 1)
                        + " is not closed by the boundary; the body looks truncated");
            }
            int bodyEnd = body[next - 1] == '\r' ? next - 1 : next;
            parts.add(new Part(headers, Arrays.copyOfRange(body, cursor, Math.max(cursor, bodyEnd))));
            position = next + 1;
        }
    }

    /** Reads header lines up to the blank line and returns where the part body starts. */
    private static int readHeaders(byte[] body, int from, Map<String, String> headers, int partNumber) {
        int cursor = from;
        while (true) {
            int lineFeed = indexOf(body, new byte[] {'\n'}, cursor);
            if (lineFeed < 0) {
                throw new MalformedMultipartException("part " + partNumber + " has no end of headers");
            }
            int lineEnd = lineFeed > cursor && body[lineFeed - 1] == '\r' ? lineFeed - 1 : lineFeed;
            if (lineEnd == cursor) {
                return lineFeed + 1;
            }
            String line = new String(body, cursor, lineEnd - cursor, StandardCharsets.ISO_8859_1);
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            cursor = lineFeed + 1;
        }
    }

    // A delimiter counts only at the start of the body or of a line (RFC 2046 section 5.1.1).
    private static int firstDelimiter(byte[] body, byte[] delimiter) {
        int index = indexOf(body, delimiter, 0);
        while (index > 0 && body[index - 1] != '\n') {
            index = indexOf(body, delimiter, index + 1);
        }
        return index;
    }

    private static int afterLineEnd(byte[] body, int index) {
        int i = index;
        while (i < body.length && (body[i] == ' ' || body[i] == '\t')) {
            i++;
        }
        if (startsWith(body, i, "\r\n")) {
            return i + 2;
        }
        if (startsWith(body, i, "\n")) {
            return i + 1;
        }
        throw new MalformedMultipartException("boundary line at byte " + index + " is not followed by a line end");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
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
