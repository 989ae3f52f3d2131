package org.xray.formats;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Walks and validates the chunk structure of a PNG: signature, chunk lengths, CRC-32s, IHDR first, at least
 * one IDAT, IEND last. It does not inflate the image data.
 */
final class PngWalker {
    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    /** One chunk; {@code range} covers length, type, data and CRC. */
    record Chunk(String type, ByteRange range) {
    }

    /** The walked file: IHDR size and every chunk in order. */
    record Structure(int width, int height, List<Chunk> chunks) {
    }

    private PngWalker() {
    }

    static boolean hasSignature(byte[] bytes) {
        if (bytes.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    static Structure walk(byte[] bytes) {
        List<Chunk> chunks = new ArrayList<>();
        int pos = SIGNATURE.length;
        boolean sawIdat = false;
        while (true) {
            int remaining = bytes.length - pos;
            if (remaining < 12) {
                throw InvalidImageException.corrupt("PNG is truncated: at offset " + pos + " only " + remaining
                        + " bytes remain, too few for a chunk header; the file ends before its IEND chunk");
            }
            long length = uint32(bytes, pos);
            String type = new String(bytes, pos + 4, 4, StandardCharsets.ISO_8859_1);
            if (!isChunkType(type)) {
                throw InvalidImageException.corrupt("PNG is corrupt: chunk at offset " + pos
                        + " has an invalid type " + Hex.of(bytes, pos + 4, 4));
            }
            long available = remaining - 12L;
            if (length > available) {
                throw InvalidImageException.corrupt("PNG is truncated: chunk " + type + " at offset " + pos
                        + " declares " + length + " bytes but only " + available + " remain");
            }
            int dataStart = pos + 8;
            int crcAt = dataStart + (int) length;
            CRC32 crc = new CRC32();
            crc.update(bytes, pos + 4, 4 + (int) length);
            if (crc.getValue() != uint32(bytes, crcAt)) {
                throw InvalidImageException.corrupt("PNG is corrupt: chunk " + type + " at offset " + pos
                        + " fails its CRC-32 check; the file was damaged in transfer");
            }
            if (chunks.isEmpty() && !(type.equals("IHDR") && length == 13)) {
                throw InvalidImageException.corrupt("PNG is corrupt: the first chunk must be a 13-byte IHDR but is "
                        + type + " (" + length + " bytes)");
            }
            chunks.add(new Chunk(type, new ByteRange(pos, crcAt + 4)));
            pos = crcAt + 4;
            sawIdat |= type.equals("IDAT");
            if (type.equals("IEND")) {
                break;
            }
        }
        if (!sawIdat) {
            throw InvalidImageException.corrupt("PNG is corrupt: it has no IDAT chunk, so it holds no image data");
        }
        if (pos != bytes.length) {
            throw InvalidImageException.corrupt("PNG is corrupt: " + (bytes.length - pos)
                    + " unexpected bytes follow the IEND chunk at offset " + pos);
        }
        int ihdr = SIGNATURE.length + 8;
        long width = uint32(bytes, ihdr);
        long height = uint32(bytes, ihdr + 4);
        if (width == 0 || height == 0 || width > Integer.MAX_VALUE || height > Integer.MAX_VALUE) {
            throw InvalidImageException.corrupt("PNG is corrupt: IHDR declares an invalid size " + width + "x" + height);
        }
        return new Structure((int) width, (int) height, List.copyOf(chunks));
    }

    private static boolean isChunkType(String type) {
        return type.chars().allMatch(c -> (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    }

    private static long uint32(byte[] b, int at) {
        return ((b[at] & 0xFFL) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
