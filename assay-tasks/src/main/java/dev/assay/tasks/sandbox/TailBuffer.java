package dev.assay.tasks.sandbox;

import java.nio.charset.StandardCharsets;

/** Keeps the last {@code capacity} bytes written to it, and counts all of them. */
final class TailBuffer {

    private final byte[] ring;
    private long total;

    TailBuffer(int capacity) {
        this.ring = new byte[capacity];
    }

    synchronized void write(byte[] bytes, int length) {
        for (int i = 0; i < length; i++) {
            ring[(int) (total % ring.length)] = bytes[i];
            total++;
        }
    }

    synchronized long total() {
        return total;
    }

    synchronized String text() {
        int kept = (int) Math.min(total, ring.length);
        byte[] out = new byte[kept];
        long start = total - kept;
        for (int i = 0; i < kept; i++) {
            out[i] = ring[(int) ((start + i) % ring.length)];
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
