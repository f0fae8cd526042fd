package org.rulestead.evaluation;

/**
 * UTF-8 encoding into a caller's buffer, byte for byte what {@code String.getBytes(UTF_8)} gives
 * (an unpaired surrogate becomes {@code ?}), without allocating.
 */
final class Utf8 {

    private Utf8() {}

    /** Writes {@code text} at {@code offset}; the buffer must hold 3 bytes per char. Answers the end. */
    static int encode(String text, byte[] buffer, int offset) {
        int length = text.length();
        int ascii = 0;
        while (ascii < length && text.charAt(ascii) < 0x80) {
            buffer[offset + ascii] = (byte) text.charAt(ascii);
            ascii++;
        }
        int at = offset + ascii;
        for (int i = ascii; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                buffer[at++] = (byte) c;
            } else if (c < 0x800) {
                buffer[at++] = (byte) (0xC0 | (c >> 6));
                buffer[at++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                buffer[at++] = (byte) (0xF0 | (codePoint >> 18));
                buffer[at++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                buffer[at++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                buffer[at++] = (byte) (0x80 | (codePoint & 0x3F));
            } else if (Character.isSurrogate(c)) {
                buffer[at++] = (byte) '?';
            } else {
                buffer[at++] = (byte) (0xE0 | (c >> 12));
                buffer[at++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buffer[at++] = (byte) (0x80 | (c & 0x3F));
            }
        }
        return at;
    }
}
