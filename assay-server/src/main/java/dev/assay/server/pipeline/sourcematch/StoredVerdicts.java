package dev.assay.server.pipeline.sourcematch;

import static dev.assay.server.db.Timestamps.utc;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.crypto.Sha256;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.pipeline.PipelineView;
import dev.assay.server.pipeline.sourcecommit.ReleaseSource;

/**
 * The source matches stored per release (V47), each under the key of what it was made from, so that a view reads a
 * settled match instead of comparing the archives again; a match whose key no longer holds is made again.
 */
@Repository
class StoredVerdicts {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    StoredVerdicts(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /**
     * What a match is made from: the source's commit and how it was found, the release's files, and the newest
     * pipeline of each file with its state; as its SHA-256, so that a release of hundreds of files fits the column.
     */
    static String key(ReleaseSource source, List<DistributionFile> files, List<PipelineView> latest) {
        return Sha256.hex(source.commit() + " " + source.namedBy() + " " + source.tag().orElse("-") + " files "
                + files.stream().map(file -> Long.toString(file.id())).sorted().collect(Collectors.joining(","))
                + " pipelines " + latest.stream().map(pipeline -> pipeline.id() + ":" + pipeline.status()).sorted()
                        .collect(Collectors.joining(",")));
    }

    /** Whether the match is final for its key: every pipeline finished, every file compared with its rebuild. */
    static boolean settled(SourceMatch match, List<PipelineView> latest) {
        return !latest.isEmpty() && latest.stream().noneMatch(PipelineView::active)
                && match.files().stream().noneMatch(file -> file.rebuild().equals(FileSourceMatch.NOT_REBUILT));
    }

    /** The release's stored match, if it was made under {@code key}. */
    Optional<SourceMatch> find(long releaseId, String key) {
        Optional<String> stored = jdbc.sql("SELECT match_json FROM release_source_verdicts WHERE release_id = :release "
                        + "AND source_key = :key").param("release", releaseId).param("key", key)
                .query(String.class).optional();
        try {
            return stored.map(text -> json.readValue(text, SourceMatch.class));
        } catch (JacksonException unreadable) {
            // stored by another version of the match: made again, and stored again once settled
            return Optional.empty();
        }
    }

    /** Stores the release's match under {@code key}, replacing the one stored before. */
    void store(long releaseId, String key, SourceMatch match) {
        String text = json.writeValueAsString(match);
        int updated = jdbc.sql("""
                UPDATE release_source_verdicts SET source_key = :key, verdict = :verdict, match_json = :json,
                stored_at = :at WHERE release_id = :release""")
                .param("release", releaseId).param("key", key).param("verdict", match.verdict().label())
                .param("json", text).param("at", utc(clock.instant())).update();
        if (updated == 0) {
            // two views storing the same settled match at once: the first one's row stands
            jdbc.sql("""
                    INSERT INTO release_source_verdicts (release_id, source_key, verdict, match_json, stored_at)
                    VALUES (:release, :key, :verdict, :json, :at) ON CONFLICT DO NOTHING""")
                    .param("release", releaseId).param("key", key).param("verdict", match.verdict().label())
                    .param("json", text).param("at", utc(clock.instant())).update();
        }
    }
}
