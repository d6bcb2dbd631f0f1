package dev.assay.server.review.releasehold;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;

/**
 * Holds releases for review and releases them: a held release is not installable (the index reads the holds, see
 * {@code index.HeldReleases}); every change bumps the project's serial in the caller's transaction, as a yank does,
 * so that kept pages are written again. Callers hold the project's row lock, which keeps two changes of one
 * release's holds from crossing.
 */
@Service("releaseHolds")
public class ReleaseHolds {

    private static final int MAX_TEXT = 2000;

    private final ReleaseHoldRepository repository;
    private final ProjectService projects;
    private final Clock clock;

    ReleaseHolds(ReleaseHoldRepository repository, ProjectService projects, Clock clock) {
        this.repository = repository;
        this.projects = projects;
        this.clock = clock;
    }

    /**
     * Holds the release for {@code reason} unless a hold of this kind holds it already; true when this made a new
     * hold. Inside the caller's transaction.
     */
    public boolean hold(Project project, long releaseId, HoldKind kind, String reason) {
        if (repository.history(releaseId).stream().anyMatch(hold -> hold.active() && hold.kind() == kind)) {
            return false;
        }
        repository.insert(project.id(), releaseId, kind, cut(reason), clock.instant());
        projects.touch(project);
        return true;
    }

    /**
     * Releases every hold of the project's releases, decided by the user {@code userId} ({@code decision} says how,
     * e.g. "approved in review #4"); returns the versions released, oldest hold first. Inside the caller's transaction.
     */
    public List<String> releaseAll(Project project, long userId, String decision) {
        Set<String> versions = new LinkedHashSet<>();
        for (ReleaseHoldRepository.HeldVersion held : repository.activeInProject(project.id())) {
            if (repository.release(held.holdId(), userId, cut(decision), clock.instant())) {
                versions.add(held.version());
            }
        }
        if (!versions.isEmpty()) {
            projects.touch(project);
        }
        return List.copyOf(versions);
    }

    /**
     * Releases the release's hold of this kind automatically, saying how ({@code decision}); true when this call
     * released it (false when no such hold holds it, e.g. a concurrent call released it first).
     */
    public boolean releaseAutomatically(Project project, long releaseId, HoldKind kind, String decision) {
        boolean released = false;
        for (ReleaseHold hold : repository.history(releaseId)) {
            if (hold.active() && hold.kind() == kind) {
                released |= repository.release(hold.id(), null, cut(decision), clock.instant());
            }
        }
        if (released) {
            projects.touch(project);
        }
        return released;
    }

    /** Changes the reason of a hold that still holds its release; the pages say the new one at once. */
    public void changeReason(ReleaseHold hold, String reason) {
        repository.changeReason(hold.id(), cut(reason));
    }

    /** Whether a hold of this kind ever held the release, released or not. */
    public boolean everHeld(long releaseId, HoldKind kind) {
        return repository.history(releaseId).stream().anyMatch(hold -> hold.kind() == kind);
    }

    /** The holds that hold the release now, oldest first. */
    public List<ReleaseHold> active(long releaseId) {
        return ReleaseHoldState.activeOldestFirst(repository.history(releaseId));
    }

    /** The hold of this kind that holds the release now, if any. */
    public Optional<ReleaseHold> active(long releaseId, HoldKind kind) {
        return active(releaseId).stream().filter(hold -> hold.kind() == kind).findFirst();
    }

    /** A version of a project held for review now, and why (its holds' reasons). */
    public record HeldVersion(String version, String reason) {
    }

    /** The project's versions held for review now, by their oldest hold; for pages of a project the reader reads. */
    @Transactional(readOnly = true)
    public List<HeldVersion> heldVersions(Project project) {
        Map<String, String> reasons = new LinkedHashMap<>();
        for (ReleaseHoldRepository.HeldVersion held : repository.activeInProject(project.id())) {
            reasons.merge(held.version(), held.reason(), (one, other) -> one + "; " + other);
        }
        return reasons.entrySet().stream().map(entry -> new HeldVersion(entry.getKey(), entry.getValue())).toList();
    }

    /** The release's hold state for its pages and the API; the caller has checked that the reader may read it. */
    @Transactional(readOnly = true)
    public ReleaseHoldState of(Project project, Release release) {
        List<ReleaseHold> history = repository.history(release.id());
        return ReleaseHoldState.of(project.name(), release.version(), history);
    }

    private static String cut(String text) {
        return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 1) + "…";
    }
}
