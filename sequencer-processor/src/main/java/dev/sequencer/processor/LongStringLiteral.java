package dev.sequencer.processor;

import java.util.ArrayList;
import java.util.List;

/**
 * Splitting a string for generated code into parts that each fit one class-file constant (65,535 bytes of modified
 * UTF-8). Parts never separate the two halves of a surrogate pair, which the writer could not encode on their own.
 */
final class LongStringLiteral {

    /** The most bytes of modified UTF-8 one string constant of a class file holds. */
    static final int CONSTANT_LIMIT = 65_535;

    private LongStringLiteral() {}

    /** {@code value} in consecutive chunks of at most {@code limit} bytes of modified UTF-8 each. */
    static List<String> chunks(String value, int limit) {
        List<String> chunks = new ArrayList<>();
        int start = 0;
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            int size = bytes(value.charAt(i));
            if (Character.isHighSurrogate(value.charAt(i)) && i + 1 < value.length()) {
                size += bytes(value.charAt(i + 1));
            }
            if (bytes + size > limit && i > start) {
                chunks.add(value.substring(start, i));
                start = i;
                bytes = 0;
            }
            bytes += bytes(value.charAt(i));
        }
        chunks.add(value.substring(start));
        return chunks;
    }

    /** The bytes of {@code value} in the class file's modified UTF-8. */
    static int bytes(String value) {
        int bytes = 0;
        for (int i = 0; i < value.length(); i++) {
            bytes += bytes(value.charAt(i));
        }
        return bytes;
    }

    /** The bytes of {@code c} in the class file's modified UTF-8 (NUL takes two). */
    private static int bytes(char c) {
        if (c >= 0x0001 && c <= 0x007F) {
            return 1;
        }
        return c <= 0x07FF ? 2 : 3;
    }
}
