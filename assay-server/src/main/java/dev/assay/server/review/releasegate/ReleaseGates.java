package dev.assay.server.review.releasegate;

import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/** The release gate of a project: its own choice, or the administrator's default; changed by its release managers. */
@Service
public class ReleaseGates {

    private final ReleaseGateRepository repository;
    private final ReleaseGateSettings settings;
    private final ProjectService projects;

    ReleaseGates(ReleaseGateRepository repository, ReleaseGateSettings settings, ProjectService projects) {
        this.repository = repository;
        this.settings = settings;
        this.projects = projects;
    }

    /** The mode in force for the project. */
    public GateMode mode(Project project) {
        return repository.mode(project.id()).flatMap(GateMode::ofKey).orElse(settings.mode());
    }

    /** The gate as the API shows it: the mode in force, and the administrator's default. */
    public Map<String, String> view(Project project) {
        return Map.of("mode", mode(project).key(), "default", settings.mode().key());
    }

    /** The project whose gate the caller may change: those who may not manage its releases are refused. */
    @Transactional(readOnly = true)
    public Project forSettings(Caller caller, String name) {
        Project project = projects.project(name);
        projects.checkMayManage(caller, project);
        return project;
    }

    /**
     * Sets the project's gate to {@code mode}, as one who may manage its releases (owners, maintainers and
     * administrators); an unknown mode is a 400. Releases already held wait as the new mode says.
     */
    @Transactional
    public Map<String, String> change(Caller caller, String name, String mode) {
        Project project = projects.project(name);
        projects.checkMayManage(caller, project);
        GateMode chosen = GateMode.ofKey(mode == null ? "" : mode.strip()).orElseThrow(() -> new InvalidInputException(
                "'" + mode + "' is not a release gate: use " + GateMode.KEYS + " (field 'mode')"));
        // the project's row lock orders this after the uploads and results that read the gate
        repository.setMode(projects.lock(project).id(), chosen.key());
        return view(project);
    }
}
