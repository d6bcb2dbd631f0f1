package dev.assay.server.upstream.files;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closes a download's body once no byte arrived for the read timeout, so a read blocked on an upstream that
 * stopped sending fails instead of holding the request (and every request waiting for the same file) for ever.
 * The HTTP client's own timeout covers the headers only; a whole-file deadline would cut large files short.
 */
final class StallGuard {

    private final InputStream body;
    private final Duration idle;
    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    private final AtomicBoolean finished = new AtomicBoolean();
    private final AtomicBoolean stalled = new AtomicBoolean();

    StallGuard(InputStream body, Duration idle) {
        this.body = body;
        this.idle = idle;
        watch(idle.toNanos());
    }

    /** The body, noting each read's progress. */
    InputStream stream() {
        return new FilterInputStream(body) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                lastProgress.set(System.nanoTime());
                return read;
            }
        };
    }

    /** Whether the body was closed because upstream stopped sending. */
    boolean stalled() {
        return stalled.get();
    }

    /** Stops watching: the download ended one way or another. */
    void finish() {
        finished.set(true);
    }

    private void watch(long delayNanos) {
        CompletableFuture.delayedExecutor(delayNanos, TimeUnit.NANOSECONDS).execute(() -> {
            if (finished.get()) {
                return;
            }
            long quiet = System.nanoTime() - lastProgress.get();
            if (quiet >= idle.toNanos()) {
                stalled.set(true);
                try {
                    body.close();
                } catch (IOException ignored) {
                    // the read it unblocks reports the failure
                }
            } else {
                watch(idle.toNanos() - quiet);
            }
        });
    }
}
