package dev.assay.server.git.mirror;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * The push mirrors of projects: owners and administrators add, change and remove them; owners,
 * maintainers and administrators see them with their last result; URLs are shown with passwords masked.
 */
@Service
public class MirrorService {

    private final MirrorRepository mirrors;
    private final ProjectService projects;
    private final MirrorSettings settings;
    private final Clock clock;

    MirrorService(MirrorRepository mirrors, ProjectService projects, MirrorSettings settings, Clock clock) {
        this.mirrors = mirrors;
        this.projects = projects;
        this.settings = settings;
        this.clock = clock;
    }

    /** The project's mirrors, oldest first; for those who may push to it. */
    @Transactional(readOnly = true)
    public List<MirrorView> list(Caller caller, String projectName) {
        Project project = projects.project(projectName);
        projects.checkMayManage(caller, project);
        return mirrors.list(project.id()).stream().map(Mirror::view).toList();
    }

    /** Whether the caller may add, change and remove the project's mirrors. */
    @Transactional(readOnly = true)
    public boolean mayConfigure(Caller caller, String projectName) {
        try {
            checkOwner(caller, projects.project(projectName));
            return true;
        } catch (ForbiddenException refused) {
            return false;
        }
    }

    /** Adds a mirror; the next push goes to it. */
    @Transactional
    public MirrorView add(Caller caller, String projectName, String url) {
        Project project = projects.project(projectName);
        checkOwner(caller, project);
        MirrorUrl valid = MirrorUrl.parse(url, settings.allowLocal());
        checkUnique(project, valid, 0);
        long id = mirrors.insert(project.id(), valid.value(), clock.instant());
        return mirror(project, id).view();
    }

    /** Replaces a mirror's URL (e.g. new credentials); its last result is forgotten. */
    @Transactional
    public MirrorView change(Caller caller, String projectName, long id, String url) {
        Project project = projects.project(projectName);
        checkOwner(caller, project);
        mirror(project, id);
        MirrorUrl valid = MirrorUrl.parse(url, settings.allowLocal());
        checkUnique(project, valid, id);
        mirrors.changeUrl(project.id(), id, valid.value());
        return mirror(project, id).view();
    }

    /** Removes a mirror; the remote repository itself is left as it is. */
    @Transactional
    public MirrorView remove(Caller caller, String projectName, long id) {
        Project project = projects.project(projectName);
        checkOwner(caller, project);
        MirrorView removed = mirror(project, id).view();
        mirrors.delete(project.id(), id);
        return removed;
    }

    /** The mirrors to push a project to, credentials included; for the pusher only. */
    @Transactional(readOnly = true)
    List<Mirror> mirrorsOf(long projectId) {
        return mirrors.list(projectId);
    }

    /** Records how a push to the mirror ended. */
    @Transactional
    void recordAttempt(Mirror mirror, Instant startedAt, Optional<String> error) {
        mirrors.recordAttempt(mirror.id(), mirror.url().value(), startedAt,
                error.isPresent() ? MirrorResult.FAILED : MirrorResult.OK, error.orElse(null));
    }

    private Mirror mirror(Project project, long id) {
        return mirrors.find(project.id(), id).orElseThrow(() -> new NotFoundException(
                "Project '" + project.name() + "' has no mirror " + id));
    }

    private void checkUnique(Project project, MirrorUrl url, long exceptId) {
        if (mirrors.exists(project.id(), url.value(), exceptId)) {
            throw new ConflictException("Project '" + project.name() + "' already mirrors to " + url.masked());
        }
    }

    private void checkOwner(Caller caller, Project project) {
        projects.checkOwner(caller, project, TokenScope.PUSH, "Configuring the mirrors");
    }
}
