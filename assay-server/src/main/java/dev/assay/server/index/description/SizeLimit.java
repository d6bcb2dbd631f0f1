package dev.assay.server.index.description;

/** The largest description, in UTF-8 bytes, that is rendered whole; longer ones are cut. */
final class SizeLimit {

    private final long maxBytes;

    /** A limit of {@code maxBytes} UTF-8 bytes. */
    SizeLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The longest prefix of {@code text} that fits, never splitting a surrogate pair. */
    String cut(String text) {
        if (text.length() * 3L <= maxBytes) {
            return text;
        }
        long bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            bytes += utf8Length(codePoint);
            if (bytes > maxBytes) {
                return text.substring(0, i);
            }
            i += Character.charCount(codePoint);
        }
        return text;
    }

    /** The limit as a person reads it, such as {@code 512 KiB}. */
    String describe() {
        if (maxBytes % (1024 * 1024) == 0) {
            return maxBytes / (1024 * 1024) + " MiB";
        }
        if (maxBytes % 1024 == 0) {
            return maxBytes / 1024 + " KiB";
        }
        return maxBytes + " bytes";
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
