package dev.assay.server.index.upload;

import java.util.Arrays;

/**
 * Finds a multipart delimiter in a buffer with Boyer-Moore-Horspool: on a mismatch it skips by up to the delimiter's
 * length, so a file part's bytes are mostly not looked at one by one (a byte-by-byte search costs as much CPU as
 * hashing the file).
 */
final class DelimiterSearch {

    private final byte[] pattern;
    private final int[] skip = new int[256];

    DelimiterSearch(byte[] pattern) {
        if (pattern.length == 0) {
            throw new IllegalArgumentException("an empty delimiter");
        }
        this.pattern = pattern.clone();
        Arrays.fill(skip, pattern.length);
        for (int i = 0; i < pattern.length - 1; i++) {
            skip[pattern[i] & 0xff] = pattern.length - 1 - i;
        }
    }

    int length() {
        return pattern.length;
    }

    /** The index of the first whole delimiter within {@code buffer[from, to)}, or -1. */
    int indexIn(byte[] buffer, int from, int to) {
        int last = pattern.length - 1;
        for (int at = from; at + last < to; at += skip[buffer[at + last] & 0xff]) {
            if (buffer[at + last] == pattern[last] && matchesAt(buffer, at)) {
                return at;
            }
        }
        return -1;
    }

    /**
     * Where a delimiter could still begin in {@code buffer[from, to)} when {@link #indexIn} found none: the bytes
     * before it are not part of any delimiter, whatever follows.
     */
    int undecidedFrom(int from, int to) {
        return Math.max(from, to - (pattern.length - 1));
    }

    private boolean matchesAt(byte[] buffer, int at) {
        for (int i = 0; i < pattern.length - 1; i++) {
            if (buffer[at + i] != pattern[i]) {
                return false;
            }
        }
        return true;
    }
}
