package dev.assay.server.pipeline.matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * A project's choice of Python series to test: read by whoever may read the project, changed by its owners,
 * maintainers and administrators (a token needs the upload scope for it). No choice tests what the online workers
 * offer.
 */
@Service
public class ProjectPythons {

    /** How many series a project may choose. */
    static final int MAX_SERIES = 20;

    private static final Pattern SERIES = Pattern.compile("[0-9]{1,3}\\.[0-9]{1,3}");

    /**
     * What a project tests: its own choice (empty when none), what the online workers offer now, and so the series
     * its next pipeline runs on.
     */
    public record Choice(String project, List<String> chosen, List<String> online, List<String> tested,
            boolean mayChange) {
    }

    private final ProjectPythonRepository repository;
    private final PythonMatrix matrix;
    private final ProjectService projects;

    ProjectPythons(ProjectPythonRepository repository, PythonMatrix matrix, ProjectService projects) {
        this.repository = repository;
        this.matrix = matrix;
        this.projects = projects;
    }

    /** The project's choice, if the caller may read the project. */
    public Choice show(Optional<Caller> caller, String projectName) {
        Project project = projects.readable(caller, projectName);
        return choice(project, caller.map(present -> projects.mayManage(caller, project)).orElse(false));
    }

    /** Replaces the project's choice with {@code series} (empty: test what the online workers offer). */
    @Transactional
    public Choice change(Caller caller, String projectName, List<String> series) {
        Project project = projects.project(projectName);
        if (!caller.credentialsAllow(TokenScope.UPLOAD, project.normalizedName())) {
            throw new ForbiddenException("The API token does not allow changing the Python versions of project '"
                    + project.normalizedName() + "': use a token with the upload scope for this project");
        }
        projects.checkMayManage(caller, project);
        repository.replace(project.id(), valid(series));
        return choice(project, true);
    }

    private Choice choice(Project project, boolean mayChange) {
        return new Choice(project.normalizedName(), repository.of(project.id()), matrix.online(),
                matrix.versionsOf(project.id()), mayChange);
    }

    /** The series, checked and deduplicated, by number. */
    static List<String> valid(List<String> series) {
        if (series == null) {
            throw new InvalidInputException("Missing 'pythons': send a list of Python versions such as "
                    + "[\"3.11\", \"3.12\"], or [] to test every version an online worker offers");
        }
        List<String> valid = new ArrayList<>();
        for (String one : series) {
            String trimmed = one == null ? "" : one.strip();
            if (!SERIES.matcher(trimmed).matches()) {
                throw new InvalidInputException("'" + one + "' is not a Python version: give major.minor, such as "
                        + "3.12");
            }
            if (!valid.contains(trimmed)) {
                valid.add(trimmed);
            }
        }
        if (valid.size() > MAX_SERIES) {
            throw new InvalidInputException("a project tests at most " + MAX_SERIES + " Python versions, not "
                    + valid.size());
        }
        return valid.stream().sorted(PythonMatrix.BY_NUMBER).toList();
    }
}
