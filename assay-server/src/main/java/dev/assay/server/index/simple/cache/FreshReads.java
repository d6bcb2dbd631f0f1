package dev.assay.server.index.simple.cache;

import java.util.function.Supplier;

/**
 * Reads of a value that each caller needs no older than its own call: a caller gets the result of a read that started
 * after it asked, and callers asking at once share one read (at most one runs, the next waits for it), so the source
 * sees about one read per round trip however many callers there are. A failed read fails its caller alone; those
 * waiting on it start another.
 */
final class FreshReads<T> {

    private final Supplier<T> source;
    private long started;
    private long finished;
    private boolean reading;
    private T last;

    FreshReads(Supplier<T> source) {
        this.source = source;
    }

    /** The value from a read that started after this call. */
    T read() throws InterruptedException {
        long mine;
        synchronized (this) {
            // a read already running may have started before this call: only a later one will do
            long needed = started + 1;
            while (reading) {
                wait();
                if (finished >= needed) {
                    return last;
                }
            }
            reading = true;
            mine = ++started;
        }
        T value = null;
        try {
            value = source.get();
            return value;
        } finally {
            synchronized (this) {
                reading = false;
                if (value != null) {
                    last = value;
                    finished = mine;
                }
                notifyAll();
            }
        }
    }
}
