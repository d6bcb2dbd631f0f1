package dev.assay.server.upstream.fetch;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.upstream.UpstreamFile;

/** The SQL of the upstream page cache; the listed files are kept as JSON text. */
@Repository
class UpstreamPageRepository {

    private static final TypeReference<List<StoredFile>> FILES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    UpstreamPageRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<CachedPage> find(long upstreamId, String normalizedName) {
        return jdbc.sql("""
                SELECT upstream_id, normalized_name, found, etag, last_modified, fetched_at, files
                FROM upstream_pages WHERE upstream_id = :upstream AND normalized_name = :name""")
                .param("upstream", upstreamId).param("name", normalizedName)
                .query((rs, row) -> page(rs)).optional();
    }

    /** Keeps a page (or a 404), replacing what was cached for its upstream and name. */
    void save(CachedPage page) {
        String files = json.writeValueAsString(page.files().stream().map(StoredFile::of).toList());
        if (update(page, files) == 0) {
            try {
                jdbc.sql("""
                        INSERT INTO upstream_pages (upstream_id, normalized_name, found, etag, last_modified,
                            fetched_at, files)
                        VALUES (:upstream, :name, :found, :etag, :modified, :at, :files)""")
                        .param("upstream", page.upstreamId()).param("name", page.normalizedName())
                        .param("found", page.found()).param("etag", page.etag().orElse(null))
                        .param("modified", page.lastModified().orElse(null)).param("at", utc(page.fetchedAt()))
                        .param("files", files).update();
            } catch (DuplicateKeyException concurrent) {
                // another request cached the same name meanwhile; the later answer wins, as it would have
                update(page, files);
            }
        }
    }

    /** Records that upstream confirmed the cached page (a 304). */
    void revalidated(long upstreamId, String normalizedName, Instant at) {
        jdbc.sql("UPDATE upstream_pages SET fetched_at = :at WHERE upstream_id = :upstream AND normalized_name = :name")
                .param("at", utc(at)).param("upstream", upstreamId).param("name", normalizedName).update();
    }

    private int update(CachedPage page, String files) {
        return jdbc.sql("""
                UPDATE upstream_pages SET found = :found, etag = :etag, last_modified = :modified, fetched_at = :at,
                    files = :files
                WHERE upstream_id = :upstream AND normalized_name = :name""")
                .param("found", page.found()).param("etag", page.etag().orElse(null))
                .param("modified", page.lastModified().orElse(null)).param("at", utc(page.fetchedAt()))
                .param("files", files).param("upstream", page.upstreamId()).param("name", page.normalizedName())
                .update();
    }

    private CachedPage page(ResultSet rs) throws SQLException {
        List<UpstreamFile> files = json.readValue(rs.getString("files"), FILES).stream().map(StoredFile::file)
                .toList();
        return new CachedPage(rs.getLong("upstream_id"), rs.getString("normalized_name"), rs.getBoolean("found"),
                Optional.ofNullable(rs.getString("etag")), Optional.ofNullable(rs.getString("last_modified")),
                instant(rs, "fetched_at"), files);
    }

    /** A listed file as the cache keeps it: plain values, {@code null} for absent ones. */
    record StoredFile(String filename, String url, Map<String, String> hashes, String requiresPython, boolean yanked,
            String yankedReason, String uploadTime, Long size, Map<String, String> coreMetadata) {

        static StoredFile of(UpstreamFile file) {
            return new StoredFile(file.filename(), file.url().toString(), file.hashes(),
                    file.requiresPython().orElse(null), file.yanked(), file.yankedReason().orElse(null),
                    file.uploadTime().map(Instant::toString).orElse(null), file.size().orElse(null),
                    file.coreMetadata().orElse(null));
        }

        UpstreamFile file() {
            return new UpstreamFile(filename, URI.create(url), hashes == null ? Map.of() : hashes,
                    Optional.ofNullable(requiresPython), yanked, Optional.ofNullable(yankedReason),
                    Optional.ofNullable(uploadTime).map(Instant::parse), Optional.ofNullable(size),
                    Optional.ofNullable(coreMetadata));
        }
    }
}
