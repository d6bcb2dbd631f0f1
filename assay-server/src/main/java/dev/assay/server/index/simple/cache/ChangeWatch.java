package dev.assay.server.index.simple.cache;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.assay.server.index.ChangeSerials;
import dev.assay.server.index.IndexChanged;
import dev.assay.server.index.ProjectRepository;

/**
 * The database-wide change serials as this server last read them: reread at most every
 * {@link CacheSettings#recheck()} (other servers' changes show within that), and at once after a change this server
 * committed. A kept page stamped with an older serial is checked again before it is served.
 */
@Component
public class ChangeWatch {

    private final ProjectRepository projects;
    private final long recheckNanos;
    private volatile ChangeSerials seen;
    private volatile long seenAt;
    private volatile boolean stale = true;

    public ChangeWatch(ProjectRepository projects, CacheSettings settings) {
        this.projects = projects;
        this.recheckNanos = settings.recheck().toNanos();
    }

    /**
     * The change serials, reread when due. A page is stamped with the serials read before its content: an older
     * stamp only makes it checked again, never served past a change.
     */
    public ChangeSerials current() {
        ChangeSerials known = seen;
        if (known == null || stale || System.nanoTime() - seenAt >= recheckNanos) {
            return reread();
        }
        return known;
    }

    private synchronized ChangeSerials reread() {
        // another thread may have reread while this one waited: once is enough for them all
        if (seen != null && !stale && System.nanoTime() - seenAt < recheckNanos && recheckNanos > 0) {
            return seen;
        }
        stale = false;
        long at = System.nanoTime();
        ChangeSerials read = projects.changeSerials();
        seen = read;
        seenAt = at;
        return read;
    }

    /** A change this server made is committed: the next request rereads the serials. */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(IndexChanged change) {
        stale = true;
    }
}
