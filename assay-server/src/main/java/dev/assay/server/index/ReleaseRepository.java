package dev.assay.server.index;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL for releases and their dependency rows. */
@Repository
public class ReleaseRepository {

    private static final String SELECT = """
            SELECT id, project_id, version, summary, requires_python, metadata, yanked, yanked_reason, created_at
            FROM releases""";

    /** One requirement of a release, with the normalised name of the project it names. */
    public record Dependency(String requirement, String dependencyName) {
    }

    /** A release elsewhere in the index that names a given project among its requirements. */
    public record Dependent(String projectName, String normalizedName, String version, String requirement) {
    }

    private final JdbcClient jdbc;

    public ReleaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Release> find(long projectId, String version) {
        return jdbc.sql(SELECT + " WHERE project_id = :project AND version = :version")
                .param("project", projectId).param("version", version)
                .query(ReleaseRepository::release).optional();
    }

    /** Every release of a project, in no particular order (callers order by PEP 440). */
    public List<Release> list(long projectId) {
        return jdbc.sql(SELECT + " WHERE project_id = :project").param("project", projectId)
                .query(ReleaseRepository::release).list();
    }

    public long insert(long projectId, String version, String summary, String requiresPython, String metadata,
            Instant createdAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO releases (project_id, version, summary, requires_python, metadata, created_at)
                VALUES (:project, :version, :summary, :requiresPython, :metadata, :at)""")
                .param("project", projectId).param("version", version).param("summary", summary)
                .param("requiresPython", requiresPython).param("metadata", metadata).param("at", utc(createdAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public void setYanked(long releaseId, boolean yanked, String reason) {
        jdbc.sql("UPDATE releases SET yanked = :yanked, yanked_reason = :reason WHERE id = :id")
                .param("yanked", yanked).param("reason", yanked ? reason : null).param("id", releaseId).update();
    }

    public void delete(long releaseId) {
        jdbc.sql("DELETE FROM releases WHERE id = :id").param("id", releaseId).update();
    }

    public void insertDependencies(long releaseId, List<Dependency> dependencies) {
        for (int position = 0; position < dependencies.size(); position++) {
            Dependency dependency = dependencies.get(position);
            jdbc.sql("""
                    INSERT INTO dependencies (release_id, position, requirement, dependency_name)
                    VALUES (:release, :position, :requirement, :name)""")
                    .param("release", releaseId).param("position", position)
                    .param("requirement", dependency.requirement()).param("name", dependency.dependencyName())
                    .update();
        }
    }

    public List<Dependency> dependencies(long releaseId) {
        return jdbc.sql("SELECT requirement, dependency_name FROM dependencies WHERE release_id = :release ORDER BY position")
                .param("release", releaseId)
                .query((rs, row) -> new Dependency(rs.getString("requirement"), rs.getString("dependency_name")))
                .list();
    }

    /** Every release in the index that requires the project with this normalised name. */
    /** The releases requiring the project, of the projects this reader may read. */
    public List<Dependent> dependents(String normalizedName, Reader reader) {
        return ProjectRepository.bindReader(jdbc.sql("""
                SELECT p.name, p.normalized_name, r.version, d.requirement
                FROM dependencies d JOIN releases r ON r.id = d.release_id JOIN projects p ON p.id = r.project_id
                WHERE d.dependency_name = :name AND """ + ProjectRepository.READABLE + """
                 ORDER BY p.normalized_name, r.created_at DESC"""), reader)
                .param("name", normalizedName)
                .query((rs, row) -> new Dependent(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
                .list();
    }

    static Release release(ResultSet rs, int row) throws SQLException {
        return new Release(rs.getLong("id"), rs.getLong("project_id"), rs.getString("version"), rs.getString("summary"),
                Optional.ofNullable(rs.getString("requires_python")), rs.getString("metadata"), rs.getBoolean("yanked"),
                Optional.ofNullable(rs.getString("yanked_reason")), instant(rs, "created_at"));
    }
}
