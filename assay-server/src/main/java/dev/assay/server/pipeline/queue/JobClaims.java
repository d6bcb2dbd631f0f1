package dev.assay.server.pipeline.queue;

import static dev.assay.server.db.Timestamps.utc;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.assay.server.pipeline.WorkerIdentity;

/**
 * How one database claims the next job in one step: the only SQL that differs between databases, so the
 * rest of the queue is the same everywhere.
 */
sealed interface JobClaims permits JobClaims.SkipLocked, JobClaims.Optimistic {

    /**
     * What a claim writes: the worker taking the job (its {@code holder} name holds the lease), the lease's secret,
     * until when, and the attempt limit; {@code pythons} are the Python series the worker offers (empty: it told
     * none, and may take any job).
     */
    record Claim(Instant now, WorkerIdentity worker, String lease, Instant expiry, int maxAttempts,
            List<String> pythons) {

        Claim(Instant now, WorkerIdentity worker, String lease, Instant expiry, int maxAttempts) {
            this(now, worker, lease, expiry, maxAttempts, List.of());
        }

        /** The condition on a job's Python series that this claimer meets. */
        String offered() {
            return pythons.isEmpty() ? "" : " AND (python IS NULL OR python IN (:pythons))";
        }

        JdbcClient.StatementSpec bindPythons(JdbcClient.StatementSpec statement) {
            return pythons.isEmpty() ? statement : statement.param("pythons", pythons);
        }
    }

    /**
     * A job abandoned by a worker whose lease ran out, the longest abandoned first; each kind of claimable job is
     * found through its own index, in the order it gives (a condition joining them with OR would walk every running
     * and finished job in id order).
     */
    Claimable ABANDONED = new Claimable("status = 'running' AND lease_expires_at < :now AND attempts < :max",
            "lease_expires_at, id");

    /** A queued job, the highest priority first, then the oldest (the order of the index V43 made). */
    Claimable QUEUED = new Claimable("status = 'queued' AND attempts < :max", "priority DESC, id");

    /** Which jobs a claim may take ({@code condition}) and which of them it takes first ({@code order}). */
    record Claimable(String condition, String order) {
    }

    String TAKE = """
            UPDATE pipeline_jobs SET status = 'running', attempts = attempts + 1, lease_holder = :holder,
                lease_token = :lease, lease_expires_at = :expiry, version = version + 1,
                started_at = COALESCE(started_at, :now), worker_kind = :kind, worker_name = :name,
                worker_host = :host, worker_owner = :owner, worker_token_id = :token, worker_token_prefix = :prefix
            """;

    /** Takes the first job {@code claimable} names for {@code claim}; empty when there is none. */
    Optional<Long> claim(JdbcClient jdbc, Claim claim, Claimable claimable);

    /** The dialect for a database, by its JDBC product name. */
    static JobClaims forProduct(String product) {
        return product.toLowerCase(java.util.Locale.ROOT).contains("postgres") ? new SkipLocked() : new Optimistic();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Claim claim) {
        WorkerIdentity worker = claim.worker();
        return claim.bindPythons(statement.param("now", utc(claim.now())).param("holder", worker.holder())
                .param("lease", claim.lease()).param("expiry", utc(claim.expiry())).param("max", claim.maxAttempts())
                .param("kind", worker.kind()).param("name", worker.name()).param("host", worker.host())
                .param("owner", worker.owner()).param("token", worker.tokenId()).param("prefix", worker.tokenPrefix()));
    }

    /** PostgreSQL: one statement; rows another transaction is claiming are skipped, not waited for. */
    final class SkipLocked implements JobClaims {
        @Override
        public Optional<Long> claim(JdbcClient jdbc, Claim claim, Claimable claimable) {
            return bind(jdbc.sql(TAKE + " WHERE id IN (SELECT id FROM pipeline_jobs WHERE " + claimable.condition()
                    + claim.offered() + " ORDER BY " + claimable.order()
                    + " LIMIT 1 FOR UPDATE SKIP LOCKED) RETURNING id"), claim)
                    .query(Long.class).optional();
        }
    }

    /**
     * H2: a select, then an update that succeeds only if the row's version is still the one read; a
     * claimer that loses the race tries the next candidate.
     */
    final class Optimistic implements JobClaims {
        private static final int CANDIDATES = 8;

        private static final int ROUNDS = 5;

        @Override
        public Optional<Long> claim(JdbcClient jdbc, Claim claim, Claimable claimable) {
            // losing every candidate means others claimed them meanwhile: read the next ones before saying "none"
            for (int round = 0; round < ROUNDS; round++) {
                List<long[]> candidates = candidates(jdbc, claim, claimable);
                if (candidates.isEmpty()) {
                    return Optional.empty();
                }
                Optional<Long> taken = takeFirst(jdbc, claim, claimable, candidates);
                if (taken.isPresent()) {
                    return taken;
                }
            }
            return Optional.empty();
        }

        private static List<long[]> candidates(JdbcClient jdbc, Claim claim, Claimable claimable) {
            return claim.bindPythons(jdbc.sql("SELECT id, version FROM pipeline_jobs WHERE " + claimable.condition()
                            + claim.offered() + " ORDER BY " + claimable.order() + " LIMIT " + CANDIDATES)
                    .param("now", utc(claim.now())).param("max", claim.maxAttempts()))
                    .query((rs, row) -> new long[] {rs.getLong("id"), rs.getLong("version")}).list();
        }

        private static Optional<Long> takeFirst(JdbcClient jdbc, Claim claim, Claimable claimable,
                List<long[]> candidates) {
            for (long[] candidate : candidates) {
                int taken;
                try {
                    taken = bind(jdbc.sql(TAKE + " WHERE id = :id AND version = :version AND " + claimable.condition()
                            + claim.offered()), claim)
                            .param("id", candidate[0]).param("version", candidate[1]).update();
                } catch (ConcurrencyFailureException lost) {
                    // H2 may report the other claimer's concurrent update instead of matching no row
                    continue;
                }
                if (taken == 1) {
                    return Optional.of(candidate[0]);
                }
            }
            return Optional.empty();
        }
    }
}
