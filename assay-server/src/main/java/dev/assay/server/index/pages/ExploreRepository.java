package dev.assay.server.index.pages;

import static dev.assay.server.db.Timestamps.instant;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;

/** The SQL of {@code /explore}: readable projects with their newest release and their count of dependents. */
@Repository
class ExploreRepository {

    /*
     * The newest release of each project, and per required name the number of distinct projects the reader may
     * read whose releases require it (a private dependent is neither shown nor counted for those who may not see it).
     */
    private static final String FROM = """
             FROM projects p
             LEFT JOIN (SELECT r.project_id, r.version, r.created_at,
                               ROW_NUMBER() OVER (PARTITION BY r.project_id ORDER BY r.created_at DESC, r.id DESC) AS n
                        FROM releases r WHERE NOT r.yanked) latest ON latest.project_id = p.id AND latest.n = 1
             LEFT JOIN (SELECT d.dependency_name, COUNT(DISTINCT r.project_id) AS n
                        FROM dependencies d JOIN releases r ON r.id = d.release_id JOIN projects p ON p.id = r.project_id
                        WHERE""" + ProjectRepository.READABLE + """
                        GROUP BY d.dependency_name) needed ON needed.dependency_name = p.normalized_name
             WHERE""" + ProjectRepository.READABLE;

    private final JdbcClient jdbc;

    ExploreRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One slice of the readable projects in this order. */
    List<ExploredProject> projects(Reader reader, ExploreSort sort, int offset, int limit) {
        return ProjectRepository.bindReader(jdbc.sql("""
                SELECT p.name, p.normalized_name, p.summary, latest.version, latest.created_at,
                       COALESCE(needed.n, 0) AS dependents
                """ + FROM + " ORDER BY " + order(sort)
                        + " LIMIT :limit OFFSET :offset"), reader)
                .param("limit", limit).param("offset", offset)
                .query((rs, row) -> new ExploredProject(rs.getString("name"), rs.getString("normalized_name"),
                        rs.getString("summary"), rs.getString("version"), instant(rs, "created_at"),
                        rs.getLong("dependents")))
                .list();
    }

    private static String order(ExploreSort sort) {
        return switch (sort) {
            case NAME -> "p.normalized_name";
            case RECENT -> "CASE WHEN latest.created_at IS NULL THEN 1 ELSE 0 END, latest.created_at DESC,"
                    + " p.normalized_name";
            case DEPENDED -> "COALESCE(needed.n, 0) DESC, p.normalized_name";
        };
    }
}
