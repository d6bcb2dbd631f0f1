package dev.assay.server.index.releasediff;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.FileUploaded;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.ReleaseRepository;
import dev.assay.server.index.contents.ComparedPaths;
import dev.assay.server.index.contents.ContentsDiff;
import dev.assay.server.index.contents.ReleaseContents;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.DiscussionRepository;

/**
 * The rules of release diffs: the previous release of a release is the highest non-yanked release with a lower
 * version (yanked ones are not what installers had); every new release gets the discussion its inline threads hang
 * on. Callers check that the reader may read the project, except where a method says it does.
 */
@Service
public class ReleaseDiffs {

    private final ReleaseDiffRepository diffs;
    private final ReleaseRepository releases;
    private final ReleaseLookup lookup;
    private final ProjectService projects;
    private final ContentsDiff contents;
    private final ReleaseContents listings;
    private final DiscussionRepository discussions;
    private final AccountService accounts;
    private final Clock clock;

    ReleaseDiffs(ReleaseDiffRepository diffs, ReleaseRepository releases, ReleaseLookup lookup,
            ProjectService projects, ContentsDiff contents, ReleaseContents listings, DiscussionRepository discussions,
            AccountService accounts, Clock clock) {
        this.diffs = diffs;
        this.releases = releases;
        this.lookup = lookup;
        this.projects = projects;
        this.contents = contents;
        this.listings = listings;
        this.discussions = discussions;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Inside the upload's transaction: a release's first file opens the discussion of its diff. */
    @EventListener
    void uploaded(FileUploaded upload) {
        if (diffs.discussionOf(upload.releaseId()).isPresent()) {
            return;
        }
        Discussion discussion = discussions.insert(DiscussionKind.RELEASE_DIFF, upload.projectId(),
                "Changes in " + upload.normalizedProject() + " " + upload.version(),
                accounts.user(upload.uploader()).id(), clock.instant());
        diffs.insert(discussion.id(), upload.releaseId());
    }

    /** The release before this one, as {@link ReleaseLookup#previous} picks it; empty for the first. */
    public Optional<Release> previous(Project project, Release release) {
        return lookup.previous(project, release);
    }

    /** The release compared with its previous one, files and lines included. */
    public ReleaseDiff of(Project project, Release release) {
        Optional<Release> previous = previous(project, release);
        Optional<ComparedPaths> compared = compared(project, previous, release);
        return new ReleaseDiff(project, release, previous, counts(compared),
                previous.map(before -> contents.compare(project, before, release)), diffs.discussionOf(release.id()),
                unreadable(compared, previous, release));
    }

    /** The counts of the release's changes since its previous one, for the release page: no file is read. */
    public ReleaseDiff summary(Project project, Release release) {
        Optional<Release> previous = previous(project, release);
        Optional<ComparedPaths> compared = compared(project, previous, release);
        return new ReleaseDiff(project, release, previous, counts(compared), Optional.empty(),
                diffs.discussionOf(release.id()), unreadable(compared, previous, release));
    }

    /** The diff of {@code version} of the project, if the caller may read it (else the 404 of a missing one). */
    public ReleaseDiff of(Optional<Caller> caller, String name, String version) {
        Project project = projects.readable(caller, name);
        return of(project, lookup.release(project, version));
    }

    /** The diff of the release whose discussion is numbered so, if the caller may read it (else a 404). */
    public ReleaseDiff ofDiscussion(Optional<Caller> caller, long number) {
        NotFoundException missing = new NotFoundException("there is no release diff #" + number);
        ReleaseDiffRepository.Subject subject = diffs.subjectOf(number).orElseThrow(() -> missing);
        Project project = projects.find(subject.projectId()).filter(found -> projects.mayRead(caller, found))
                .orElseThrow(() -> missing);
        return of(project, lookup.release(project, subject.version()));
    }

    private Optional<ComparedPaths> compared(Project project, Optional<Release> previous, Release release) {
        return previous.map(before -> ComparedPaths.of(listings.list(project, before), listings.list(project, release)));
    }

    private static List<KindCounts> counts(Optional<ComparedPaths> compared) {
        return compared.map(DiffCounts::of).orElse(List.of());
    }

    private static List<UnreadableFile> unreadable(Optional<ComparedPaths> compared, Optional<Release> previous,
            Release release) {
        return compared.map(paths -> paths.unreadable().stream().map(file -> new UnreadableFile(
                file.file().releaseId() == release.id() ? release.version() : previous.orElseThrow().version(),
                file.file().filename(), file.problem().orElseThrow())).toList()).orElse(List.of());
    }

    /** The number of the discussion of {@code version}'s diff, if the caller may read the project and it has one. */
    public Optional<Long> discussion(Optional<Caller> caller, String name, String version) {
        return projects.find(name).filter(project -> projects.mayRead(caller, project))
                .flatMap(project -> releases.find(project.id(), version))
                .flatMap(release -> diffs.discussionOf(release.id()));
    }

    /** The project and release a release diff discussion is about, for its threads' file checks. */
    public Optional<ReleaseDiff> subject(long discussionId) {
        return diffs.subjectOf(discussionId).flatMap(subject -> projects.find(subject.projectId())
                .map(project -> {
                    Release release = lookup.release(project, subject.version());
                    return new ReleaseDiff(project, release, previous(project, release), List.of(),
                            Optional.empty(), Optional.of(discussionId), List.of());
                }));
    }
}
