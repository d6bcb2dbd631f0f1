package dev.assay.packaging.archive;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts the bytes actually read, skips included, and reports every read to a meter that may refuse. */
final class MeteredInputStream extends FilterInputStream {

    /** Receives the running count after each read; throws to stop reading. */
    @FunctionalInterface
    interface Meter {
        void read(long delta, long total);
    }

    private final Meter meter;
    private long count;

    MeteredInputStream(InputStream in, Meter meter) {
        super(in);
        this.meter = meter;
    }

    /** Bytes read so far. */
    long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            record(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = in.read(buffer, offset, length);
        if (n > 0) {
            record(n);
        }
        return n;
    }

    // Skipping must inflate and count like reading, or a bomb could be skipped past unmetered.
    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = new byte[8192];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    // Re-reading marked bytes would count them twice and make the limits refuse sound archives.
    @Override
    public synchronized void mark(int limit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void record(int n) {
        count += n;
        meter.read(n, count);
    }
}
