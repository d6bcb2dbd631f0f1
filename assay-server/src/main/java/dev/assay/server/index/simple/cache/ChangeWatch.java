package dev.assay.server.index.simple.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

import dev.assay.server.index.ChangeSerials;
import dev.assay.server.index.IndexChanged;
import dev.assay.server.index.ProjectRepository;

/**
 * The database-wide change serials as this server last read them. With a recheck of {@code 0} (the default on
 * PostgreSQL, which several servers share) every request gets serials read after it arrived, concurrent requests
 * sharing one read, so a change another server committed before the request is never missed. Otherwise (the default
 * {@code 1s} on the embedded H2, one server's own) they are reread at most every {@link CacheSettings#recheck()}, and
 * at once after a change this server committed. A kept page stamped with an older serial is checked again before it
 * is served.
 */
@Component
public class ChangeWatch {

    private static final Duration EMBEDDED_RECHECK = Duration.ofSeconds(1);

    private final ProjectRepository projects;
    private final long recheckNanos;
    private final FreshReads<ChangeSerials> fresh;
    private volatile ChangeSerials seen;
    private volatile long seenAt;
    private volatile boolean stale = true;

    public ChangeWatch(ProjectRepository projects, CacheSettings settings, DataSource dataSource)
            throws SQLException {
        this.projects = projects;
        this.recheckNanos = recheck(settings, dataSource).toNanos();
        this.fresh = new FreshReads<>(projects::changeSerials);
    }

    private static Duration recheck(CacheSettings settings, DataSource dataSource) throws SQLException {
        if (settings.recheck() != null) {
            return settings.recheck();
        }
        try (Connection connection = dataSource.getConnection()) {
            return "H2".equals(connection.getMetaData().getDatabaseProductName()) ? EMBEDDED_RECHECK : Duration.ZERO;
        }
    }

    /**
     * The change serials, reread when due. A page is stamped with the serials read before its content: an older
     * stamp only makes it checked again, never served past a change.
     */
    public ChangeSerials current() {
        if (recheckNanos == 0) {
            return readAfterNow();
        }
        ChangeSerials known = seen;
        if (known == null || stale || System.nanoTime() - seenAt >= recheckNanos) {
            return reread();
        }
        return known;
    }

    private ChangeSerials readAfterNow() {
        try {
            return fresh.read();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return projects.changeSerials();
        }
    }

    private synchronized ChangeSerials reread() {
        // another thread may have reread while this one waited: once is enough for them all
        if (seen != null && !stale && System.nanoTime() - seenAt < recheckNanos) {
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
