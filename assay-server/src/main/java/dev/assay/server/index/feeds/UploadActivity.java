package dev.assay.server.index.feeds;

import static dev.assay.server.db.Timestamps.instant;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;

/** The releases a person uploaded files of, in the projects the reader may read. */
@Repository
class UploadActivity implements ActivitySource {

    private final JdbcClient jdbc;

    UploadActivity(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Activity> activity(long personId, Reader reader, int limit) {
        return ProjectRepository.bindReader(jdbc.sql("""
                SELECT p.name, p.normalized_name, r.version, r.summary, r.created_at
                FROM releases r JOIN projects p ON p.id = r.project_id
                WHERE EXISTS (SELECT 1 FROM distribution_files f WHERE f.release_id = r.id AND f.uploaded_by = :person)
                  AND""" + ProjectRepository.READABLE + """
                 ORDER BY r.created_at DESC, r.id DESC
                LIMIT :limit"""), reader)
                .param("person", personId).param("limit", limit)
                .query((rs, row) -> new Activity("Released " + rs.getString("name") + " " + rs.getString("version"),
                        "/project/" + rs.getString("normalized_name") + "/" + rs.getString("version") + "/",
                        rs.getString("summary"), instant(rs, "created_at")))
                .list();
    }
}
