package dev.assay.server.index;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.Version;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.config.AssayProperties;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.error.UnauthorizedException;

/** The rules for projects: finding them by any spelling of their name, who may read them and who may change them. */
@Service
public class ProjectService {

    private final ProjectRepository projects;
    private final ReleaseRepository releases;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final boolean holdNewProjects;

    public ProjectService(ProjectRepository projects, ReleaseRepository releases, Clock clock,
            ApplicationEventPublisher events, AssayProperties properties) {
        this.projects = projects;
        this.releases = releases;
        this.clock = clock;
        this.events = events;
        this.holdNewProjects = properties.reviewNewProjects();
    }

    /** The project with a name that normalises to this one, if any. */
    public Optional<Project> find(String name) {
        return projects.findByNormalizedName(ProjectName.normalize(name));
    }

    /** The project with this id, if it still exists. */
    public Optional<Project> find(long id) {
        return projects.findById(id);
    }

    /** The projects the user holds a role on, as far as the viewer may read them (a person's page). */
    public List<ProjectRepository.Membership> memberProjects(long userId, Optional<Caller> viewer) {
        return projects.memberProjects(userId, Reader.of(viewer));
    }

    /** The project with a name that normalises to this one. */
    public Project project(String name) {
        return find(name).orElseThrow(() -> noSuchProject(name));
    }

    /**
     * The visibility rule, the one place it is decided: a public project that is not held is read by everyone; a
     * private one only by administrators and by users holding any role on it; a held one (waiting for its package
     * review) also by package reviewers (members of {@code sponsors} or {@code reviewers}), private or not, since
     * reviewing it is what they hold it for. Members and reviewers read with a password or with any of their
     * tokens that is not bound to another project.
     */
    public boolean mayRead(Optional<Caller> caller, Project project) {
        Reader reader = Reader.of(caller);
        return reader.mayRead(project, () -> projects.roleOf(project.id(), reader.userId()).isPresent());
    }

    /**
     * Whether the caller reads what is held for review in a project it may read (a release held for review):
     * administrators, package reviewers and the project's members, as for a held project.
     */
    public boolean mayReadHeld(Optional<Caller> caller, Project project) {
        Reader reader = Reader.of(caller);
        return mayRead(caller, project)
                && reader.mayReadHeld(project, () -> projects.roleOf(project.id(), reader.userId()).isPresent());
    }

    /**
     * Bumps the project's serial in the caller's transaction, so that kept pages are written again: a release held
     * for review, or released, changes what they list.
     */
    public void touch(Project project) {
        projects.touch(project.id(), null);
    }

    /** Who the caller is as a reader of listings, for {@link ProjectRepository#READABLE}. */
    public Reader reader(Optional<Caller> caller) {
        return Reader.of(caller);
    }

    /** Refuses a caller who may not read the project with the 404 of a missing project: its existence stays secret. */
    public void checkMayRead(Optional<Caller> caller, Project project) {
        check(caller, project, project.normalizedName(), false);
    }

    /**
     * As {@link #checkMayRead}, for installers and git: an anonymous request is asked for credentials (401 with
     * {@code WWW-Authenticate}), which pip and git then send; anyone else who may not read gets the 404.
     */
    public void checkClientMayRead(Optional<Caller> caller, Project project) {
        check(caller, project, project.normalizedName(), true);
    }

    /** The project named so, if the caller may read it; otherwise the 404 of a missing project (web pages). */
    public Project readable(Optional<Caller> caller, String name) {
        Project found = project(name);
        check(caller, found, name, false);
        return found;
    }

    /** The project named so, checked as by {@link #checkClientMayRead} (installers, git and the REST API). */
    public Project clientReadable(Optional<Caller> caller, String name) {
        Project found = project(name);
        check(caller, found, name, true);
        return found;
    }

    private void check(Optional<Caller> caller, Project project, String requestedName, boolean challenge) {
        if (mayRead(caller, project)) {
            return;
        }
        // a held project is no secret to its members, but to everyone else it does not exist yet: no challenge
        if (challenge && caller.isEmpty() && project.isPrivate()) {
            throw new UnauthorizedException("authentication required: send HTTP Basic credentials, your user name "
                    + "and password, or __token__ and an API token");
        }
        // the very answer a missing project gets, message included
        throw noSuchProject(requestedName);
    }

    /** Whether the caller may change the project's settings (its visibility): owners and administrators. */
    public boolean mayChangeSettings(Optional<Caller> caller, Project project) {
        return caller.filter(present -> present.credentialsAllow(TokenScope.UPLOAD, project.normalizedName()))
                .map(present -> present.isAdmin() || projects.roleOf(project.id(), present.user().id())
                        .filter(role -> role == ProjectRole.OWNER).isPresent())
                .orElse(false);
    }

    /**
     * Makes the project public or private; owners and administrators may, with a password or a token with the
     * upload scope for it. Bumps the serial so that cached pages are revalidated. Call inside a transaction.
     */
    public Project changeVisibility(Caller caller, String name, String visibilityKey) {
        Project project = project(name);
        checkMayRead(Optional.of(caller), project);
        if (!mayChangeSettings(Optional.of(caller), project)) {
            throw new ForbiddenException("Changing the visibility of project '" + project.name() + "' needs the owner "
                    + "role (or an administrator), with a password or a token with the upload scope for it; user '"
                    + caller.name() + "' may not");
        }
        if (visibilityKey == null || visibilityKey.isBlank()) {
            throw new InvalidInputException("Missing visibility: send public or private");
        }
        Visibility visibility = Visibility.ofKey(visibilityKey);
        if (visibility != project.visibility()) {
            projects.setVisibility(project.id(), visibility);
            projects.touch(project.id(), null);
        }
        return projects.findByNormalizedName(project.normalizedName()).orElseThrow();
    }

    /**
     * The project, its row locked until the transaction ends: a change that must queue behind uploads to it (which
     * lock it first) takes this lock before any other, so that the two never wait for each other.
     */
    public Project lock(Project project) {
        return projects.lockByNormalizedName(project.normalizedName()).orElseThrow(() -> noSuchProject(project.name()));
    }

    /**
     * Lifts the hold of a project whose package review was approved: from this transaction's commit on, it is
     * read as any public (or private) project, everywhere at once; the serial is bumped so caches revalidate.
     */
    public Project releaseHold(Project project) {
        if (project.held()) {
            projects.release(project.id());
            projects.touch(project.id(), null);
        }
        return projects.findByNormalizedName(project.normalizedName()).orElseThrow();
    }

    /**
     * Holds the project again until its package review is approved: from this transaction's commit on, it is read
     * as a new project under review is; the serial is bumped so caches revalidate.
     */
    public Project hold(Project project) {
        if (!project.held()) {
            projects.hold(project.id());
            projects.touch(project.id(), null);
        }
        return projects.findByNormalizedName(project.normalizedName()).orElseThrow();
    }

    /** The project's releases, newest version first. */
    public List<Release> releasesNewestFirst(Project project) {
        return releases.list(project.id()).stream()
                .sorted(Comparator.comparing((Release release) -> Version.parse(release.version())).reversed())
                .toList();
    }

    /** The role the user holds on the project, if any (one query, for checks made per thread or per row). */
    public Optional<ProjectRole> roleOf(Project project, long userId) {
        return projects.roleOf(project.id(), userId);
    }

    /** Who holds which role on the project. */
    public List<ProjectRepository.Member> members(Project project) {
        return projects.members(project.id());
    }

    /** Refuses an upload the caller may not make: checked before the file is read. */
    public void checkMayUpload(Caller caller, ProjectName name) {
        if (!caller.credentialsAllow(TokenScope.UPLOAD, name.normalized())) {
            throw new ForbiddenException("The API token does not allow uploads to project '" + name.normalized()
                    + "': use a token with the upload scope for this project");
        }
        projects.findByNormalizedName(name.normalized()).ifPresent(project -> checkMayUploadTo(caller, project));
    }

    /**
     * Refuses a change to the project's releases by anyone but its owners, maintainers and administrators; one
     * who may not even read the project gets the 404 of a missing project, so a private project stays secret.
     */
    public void checkMayManage(Caller caller, Project project) {
        checkMayRead(Optional.of(caller), project);
        checkMayUploadTo(caller, project);
    }

    /**
     * Whether {@link #checkMayManage} lets the caller through: for pages that offer a change only to those who
     * may make it (a token's scopes are the caller's to check, as for the change itself).
     */
    public boolean mayManage(Optional<Caller> caller, Project project) {
        return caller.filter(present -> mayRead(caller, project) && holdsUploadRole(present, project)).isPresent();
    }

    private boolean holdsUploadRole(Caller caller, Project project) {
        return caller.isAdmin() || projects.roleOf(project.id(), caller.user().id())
                .map(ProjectRole::mayUpload).orElse(false);
    }

    /**
     * As {@link #checkMayManage}, but a stranger to a private project gets the 403 too: an upload names a
     * project that, taken or not, only its members may publish under (the name is no secret: creating a
     * project with it is refused as well).
     */
    private void checkMayUploadTo(Caller caller, Project project) {
        if (!holdsUploadRole(caller, project)) {
            throw new ForbiddenException("User '" + caller.name() + "' is not an owner or maintainer of project '"
                    + project.name() + "'");
        }
    }

    /**
     * Refuses a change only owners and administrators may make; a token must also carry {@code scope} for
     * this project. {@code change} names it for the message, e.g. "Configuring the mirrors". One who may not
     * read the project gets the 404 of a missing project.
     */
    public void checkOwner(Caller caller, Project project, TokenScope scope, String change) {
        checkMayRead(Optional.of(caller), project);
        if (!caller.credentialsAllow(scope, project.normalizedName())) {
            throw new ForbiddenException("The API token does not allow changing project '" + project.name()
                    + "': use a token with the " + scope.key() + " scope for this project");
        }
        Optional<ProjectRole> role = projects.roleOf(project.id(), caller.user().id());
        if (!caller.isAdmin() && role.filter(ProjectRole.OWNER::equals).isEmpty()) {
            throw new ForbiddenException(change + " of project '" + project.name() + "' needs the owner role; user '"
                    + caller.name() + "' " + role.map(held -> "is a " + held.key()).orElse("has no role on it"));
        }
    }

    /**
     * The project for an upload, locked for the rest of the transaction; created with the uploader as
     * owner when the name is new.
     */
    public Project lockOrCreateForUpload(Caller caller, ProjectName name) {
        Optional<Project> existing = projects.lockByNormalizedName(name.normalized());
        if (existing.isEmpty() && insertIfAbsent(name)) {
            Project created = projects.lockByNormalizedName(name.normalized()).orElseThrow();
            grantOwnership(caller, created.id(), name);
            return created;
        }
        // created by a concurrent first upload, perhaps by someone else: now committed, and locked by us
        Project project = existing.or(() -> projects.lockByNormalizedName(name.normalized())).orElseThrow();
        checkMayUploadTo(caller, project);
        return project;
    }

    /** Inserts the project unless it exists, one creation at a time (see {@link ProjectRepository#lockCreation}). */
    private boolean insertIfAbsent(ProjectName name) {
        projects.lockCreation();
        if (projects.findByNormalizedName(name.normalized()).isPresent()) {
            return false;
        }
        checkNoLookAlike(name);
        return projects.insertIfAbsent(name.display(), name.normalized(), clock.instant(), holdNewProjects);
    }

    /**
     * Creates an empty project, before its first upload, with the caller as owner; any signed-in user may,
     * with a password or a token that is not limited to another project. Call inside a transaction.
     */
    public Project create(Caller caller, String name) {
        ProjectName parsed = parseName(name);
        if (!caller.credentialsAllow(TokenScope.UPLOAD, parsed.normalized())
                && !caller.credentialsAllow(TokenScope.PUSH, parsed.normalized())) {
            throw new ForbiddenException("The API token does not allow creating project '" + parsed.normalized()
                    + "': use a token with the upload or push scope that is not limited to another project");
        }
        Optional<Project> existing = projects.findByNormalizedName(parsed.normalized());
        if (existing.isPresent()) {
            throw nameTaken(parsed, existing.get());
        }
        if (!insertIfAbsent(parsed)) {
            throw nameTaken(parsed, projects.findByNormalizedName(parsed.normalized()).orElseThrow());
        }
        Project created = projects.findByNormalizedName(parsed.normalized()).orElseThrow();
        grantOwnership(caller, created.id(), parsed);
        return created;
    }

    /** The normalised names of every project, for work done once per project (e.g. at start-up). */
    public List<String> allNormalizedNames() {
        return projects.allNormalizedNames();
    }

    private void grantOwnership(Caller caller, long projectId, ProjectName name) {
        projects.setRole(projectId, caller.user().id(), ProjectRole.OWNER);
        events.publishEvent(new ProjectCreated(projectId, name.normalized()));
    }

    /**
     * Refuses a new name that only differs from an existing project's by case, separators or look-alike
     * characters (as PyPI does against typosquatting): the one rule for every way a project is created.
     */
    private void checkNoLookAlike(ProjectName name) {
        projects.findByUltranormalizedName(name.ultranormalized()).stream()
                .filter(other -> !other.normalizedName().equals(name.normalized())).findFirst().ifPresent(other -> {
                    throw new InvalidInputException("The name '" + name.display() + "' is too similar to the existing "
                            + "project '" + other.name() + "' (the same once '-', '_' and '.' are removed and 'l', 'i' "
                            + "and 'o' read as '1', '1' and '0'); choose a more distinct name");
                });
    }

    private static NotFoundException noSuchProject(String name) {
        return new NotFoundException("there is no project named '" + name + "'");
    }

    private static ConflictException nameTaken(ProjectName name, Project existing) {
        return new ConflictException("The name '" + name.display() + "' is taken: it normalises to '"
                + name.normalized() + "', the name of project '" + existing.name() + "'; choose another name");
    }

    /** Parses a project name typed by a person, with a message saying what a valid one looks like. */
    public static ProjectName parseName(String name) {
        try {
            return ProjectName.of(name);
        } catch (PackagingException invalid) {
            throw new InvalidInputException(invalid.getMessage());
        }
    }
}
