package dev.assay.server.index.pages;

import static dev.assay.server.db.Timestamps.instant;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;

/** The SQL for listing the index: recent releases, the hosted dependencies of a release. */
@Repository
class BrowseRepository {

    /**
     * One page of the newest releases, each with whether the reader may read it: the page is taken from the
     * index on {@code (created_at, id)} before the join, so it costs its rows however large the index is.
     */
    static final String NEWEST = """
            SELECT p.name, p.normalized_name, r.version, r.summary, r.created_at,
                CASE WHEN""" + ProjectRepository.READABLE + """
                THEN TRUE ELSE FALSE END AS readable
            FROM (SELECT id, project_id, version, summary, created_at FROM releases
                ORDER BY created_at DESC, id DESC LIMIT :count OFFSET :offset) r
            JOIN projects p ON p.id = r.project_id
            ORDER BY r.created_at DESC, r.id DESC""";

    /** The largest page read at once while the newest releases are mostly unreadable to the reader. */
    private static final int MAX_PAGE = 1000;

    private final JdbcClient jdbc;

    BrowseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The newest releases of the index, read in index order: each page of the newest releases (through
     * {@code releases_created}) is filtered by the visibility rule, and the next, larger page is read only while
     * fewer than {@code limit} were readable, so the home page never sorts the whole table.
     */
    List<ReleaseSummary> recentReleases(Reader reader, int limit) {
        List<ReleaseSummary> readable = new ArrayList<>();
        int scanned = 0;
        for (int page = Math.max(limit * 2, 1); readable.size() < limit; page = Math.min(page * 2, MAX_PAGE)) {
            List<Recent> rows = newest(reader, scanned, page);
            rows.stream().filter(Recent::readable).limit(limit - readable.size())
                    .forEach(row -> readable.add(row.release()));
            scanned += rows.size();
            if (rows.size() < page) {
                break;
            }
        }
        return readable;
    }

    /** A release of {@link #NEWEST}, with whether the reader may read it. */
    private record Recent(ReleaseSummary release, boolean readable) {
    }

    private List<Recent> newest(Reader reader, int offset, int count) {
        return ProjectRepository.bindReader(jdbc.sql(NEWEST), reader)
                .param("offset", offset).param("count", count)
                .query((rs, row) -> new Recent(new ReleaseSummary(rs.getString("name"),
                        rs.getString("normalized_name"), rs.getString("version"), rs.getString("summary"),
                        instant(rs, "created_at")), rs.getBoolean("readable")))
                .list();
    }

    /**
     * Which projects the release requires are hosted here and readable by the reader: a join on the release's
     * dependency rows, so the statement has the same few parameters however many requirements there are.
     */
    Set<String> hostedDependencies(Reader reader, long releaseId) {
        return ProjectRepository.bindReader(jdbc.sql("""
                SELECT DISTINCT p.normalized_name FROM dependencies d
                JOIN projects p ON p.normalized_name = d.dependency_name
                WHERE d.release_id = :release AND""" + ProjectRepository.READABLE), reader)
                .param("release", releaseId)
                // a list, not stream(): an unclosed query stream keeps its pooled connection for ever
                .query(String.class).list().stream().collect(Collectors.toSet());
    }
}
