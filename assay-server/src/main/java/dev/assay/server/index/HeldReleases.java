package dev.assay.server.index;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The index's read of release holds (written by {@code review.releasehold}): which releases are held for review
 * now, and so not installable. The one SQL condition for it is {@link #HELD}, for queries that join releases.
 */
@Repository
public class HeldReleases {

    /** True for a release row {@code r} that an unreleased hold holds. */
    public static final String HELD = "EXISTS (SELECT 1 FROM release_holds h WHERE h.release_id = r.id"
            + " AND h.released_at IS NULL)";

    private final JdbcClient jdbc;

    HeldReleases(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The ids of the project's releases held now. */
    public Set<Long> heldIn(long projectId) {
        return new HashSet<>(jdbc.sql("SELECT DISTINCT release_id FROM release_holds WHERE project_id = :project"
                        + " AND released_at IS NULL").param("project", projectId).query(Long.class).list());
    }

    /** Whether the release is held now. */
    public boolean isHeld(long releaseId) {
        return reason(releaseId).isPresent();
    }

    /** The reason of the oldest hold holding the release now; empty when it is not held. */
    public Optional<String> reason(long releaseId) {
        return jdbc.sql("SELECT reason FROM release_holds WHERE release_id = :release AND released_at IS NULL"
                + " ORDER BY id").param("release", releaseId).query(String.class).list().stream().findFirst();
    }
}
