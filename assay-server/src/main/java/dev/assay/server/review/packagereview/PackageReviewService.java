package dev.assay.server.review.packagereview;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.FileUploaded;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.notify.Notice;
import dev.assay.server.notify.NoticeKind;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.DiscussionRepository;
import dev.assay.server.review.releasehold.HoldKind;
import dev.assay.server.review.releasehold.ReleaseHolds;
import dev.assay.server.review.thread.ThreadService;

/**
 * The package review's lifecycle: opened by a held project's first upload, one iteration per version uploaded
 * while it is not approved, the state changes {@link PackageReviewRules} allows, each recorded on the timeline
 * and published as a {@link Notice}; approval lifts the hold.
 */
@Service
public class PackageReviewService {

    private static final int MAX_REASON = 2000;
    private static final int LIST_LIMIT = 500;

    private final PackageReviewRepository reviews;
    private final DiscussionRepository discussions;
    private final ProjectService projects;
    private final AccountService accounts;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final ThreadService threads;
    private final RepositoryPins pins;
    private final ReleaseHolds holds;

    PackageReviewService(PackageReviewRepository reviews, DiscussionRepository discussions, ProjectService projects,
            AccountService accounts, Clock clock, ApplicationEventPublisher events, ThreadService threads,
            RepositoryPins pins, ReleaseHolds holds) {
        this.holds = holds;
        this.reviews = reviews;
        this.discussions = discussions;
        this.projects = projects;
        this.accounts = accounts;
        this.clock = clock;
        this.events = events;
        this.threads = threads;
        this.pins = pins;
    }

    /**
     * Inside the upload's transaction, which holds the project's row lock: a held project's first upload opens
     * its review; a new version adds an iteration (putting a review that needs work back in review); another file
     * of a version joins its iteration. Nothing happens for a project that is not held.
     */
    @EventListener
    void uploaded(FileUploaded upload) {
        Optional<Project> project = projects.find(upload.normalizedProject()).filter(Project::held);
        if (project.isEmpty()) {
            return;
        }
        long uploader = accounts.user(upload.uploader()).id();
        Instant now = clock.instant();
        Optional<PackageReview> existing = reviews.findByProject(upload.projectId());
        if (existing.isEmpty()) {
            open(project.get(), upload, uploader, now);
            return;
        }
        PackageReview review = existing.get();
        if (review.state() == PackageReviewState.APPROVED) {
            return;
        }
        Optional<Iteration> iteration = reviews.iterationOfRelease(review.number(), upload.releaseId());
        if (iteration.isPresent()) {
            reviews.addEvent(review.number(), uploader, "file", "iteration " + iteration.get().number() + ": "
                    + upload.filename(), now);
            return;
        }
        Iteration added = reviews.addIteration(review.number(), upload.releaseId(), upload.version(),
                pins.pin(project.get(), upload.version()), now);
        reviews.addEvent(review.number(), uploader, "iteration", "iteration " + added.number() + ": version "
                + upload.version() + " (" + upload.filename() + ")", now);
        if (review.state() == PackageReviewState.NEEDS_WORK) {
            reviews.update(review.number(), PackageReviewState.IN_REVIEW, review.reviewerId(), null, now);
            reviews.addEvent(review.number(), uploader, "taken", "back in review with iteration " + added.number(),
                    now);
        }
        publish(NoticeKind.NEW_ITERATION, review, uploader, participants(review), upload.uploader() + " uploaded "
                + "iteration " + added.number() + " (version " + upload.version() + ") to review #" + review.number()
                + " of " + review.projectName(), "");
    }

    private void open(Project project, FileUploaded upload, long uploader, Instant now) {
        Discussion discussion = discussions.insert(DiscussionKind.PACKAGE_REVIEW, project.id(),
                "Package review of " + project.name(), uploader, now);
        reviews.insert(discussion.id(), project.id(), uploader, now);
        reviews.addEvent(discussion.id(), uploader, "opened", "first upload of " + project.name(), now);
        Iteration first = reviews.addIteration(discussion.id(), upload.releaseId(), upload.version(),
                pins.pin(project, upload.version()), now);
        reviews.addEvent(discussion.id(), uploader, "iteration", "iteration " + first.number() + ": version "
                + upload.version() + " (" + upload.filename() + ")", now);
        PackageReview review = reviews.find(discussion.id()).orElseThrow();
        publish(NoticeKind.STATE_CHANGE, review, uploader, Set.of(), upload.uploader() + " opened review #"
                + review.number() + " of " + project.name(), "");
    }

    /**
     * Holds the release {@code version} for review because it did something new ({@code reason}): the release is
     * held until the project's review is approved, and the review is opened (or an approved one set back to new)
     * with an iteration for the release and a {@code held} event naming the reason. Inside the caller's transaction.
     */
    public void holdRelease(Project project, long releaseId, String version, long actorId, String reason) {
        holds.hold(project, releaseId, HoldKind.BEHAVIOUR, reason);
        openForRelease(project, releaseId, version, actorId, reason);
    }

    /**
     * Opens the project's review for its release {@code version} (or sets an approved one back to new), adds an
     * iteration for the release unless it has one, and records a {@code held} event naming {@code reason}; called
     * with the release's hold in place. Inside the caller's transaction.
     */
    public void openForRelease(Project project, long releaseId, String version, long actorId, String reason) {
        Instant now = clock.instant();
        String detail = "version " + version + " held: " + reason;
        Optional<PackageReview> existing = reviews.findByProject(project.id());
        long number;
        if (existing.isEmpty()) {
            number = discussions.insert(DiscussionKind.PACKAGE_REVIEW, project.id(),
                    "Package review of " + project.name(), actorId, now).id();
            reviews.insert(number, project.id(), actorId, now);
        } else {
            number = existing.get().number();
            if (existing.get().state() == PackageReviewState.APPROVED) {
                reviews.update(number, PackageReviewState.NEW, null, null, now);
            }
        }
        if (reviews.iterationOfRelease(number, releaseId).isEmpty()) {
            reviews.addIteration(number, releaseId, version, pins.pin(project, version), now);
        }
        reviews.addEvent(number, actorId, "held", detail.length() <= MAX_REASON ? detail
                : detail.substring(0, MAX_REASON), now);
        PackageReview review = reviews.find(number).orElseThrow();
        publish(NoticeKind.STATE_CHANGE, review, actorId, participants(review), "version " + version + " of "
                + project.name() + " is held for review #" + number + ": " + reason, "");
    }

    /** The review numbered so, if the caller may read its project; otherwise the 404 of a missing review. */
    @Transactional(readOnly = true)
    public PackageReview review(Optional<Caller> caller, long number) {
        return readable(caller, number);
    }

    /** The reviews the caller may read that pass the filter, newest first, with the counts the list shows. */
    @Transactional(readOnly = true)
    public ReviewList list(Optional<Caller> caller, ReviewFilter filter) {
        PackageReviewRepository.Lister lister = new PackageReviewRepository.Lister(projects.reader(caller),
                caller.map(present -> present.user().isPackageReviewer() || present.isAdmin()).orElse(false),
                caller.map(present -> present.user().isSponsor()).orElse(false));
        boolean signedIn = caller.isPresent();
        Map<PackageReviewState, Long> byState = reviews.countByState(lister);
        ReviewList.Counts counts = new ReviewList.Counts(byState,
                signedIn ? reviews.count(lister, ReviewFilter.of(null, true, false, false)) : 0,
                signedIn ? reviews.count(lister, ReviewFilter.of(null, false, true, false)) : 0,
                reviews.count(lister, ReviewFilter.of(null, false, false, true)));
        List<PackageReview> shown = signedIn || !(filter.mine() || filter.waitingForMe())
                ? reviews.list(lister, filter, LIST_LIMIT) : List.of();
        return new ReviewList(shown, counts,
                threads.unresolvedCounts(shown.stream().map(PackageReview::number).toList()));
    }

    /** The review's iterations, newest first. */
    @Transactional(readOnly = true)
    public List<Iteration> iterations(PackageReview review) {
        return reviews.iterations(review.number());
    }

    /** The review's timeline, oldest first. */
    @Transactional(readOnly = true)
    public List<ReviewEvent> timeline(PackageReview review) {
        return reviews.events(review.number());
    }

    /** The actions the caller may take on the review now, for pages that offer only those. */
    @Transactional(readOnly = true)
    public List<ReviewAction> allowedActions(Optional<Caller> caller, PackageReview review) {
        return caller.map(present -> Arrays.stream(ReviewAction.values())
                .filter(action -> action != ReviewAction.CHECK)
                .filter(action -> PackageReviewRules.stateConflict(action, present, review).isEmpty())
                .filter(action -> refusal(action, present, review).isEmpty()).toList()).orElse(List.of());
    }

    /** Whether the caller may tick the review's manual checklist. */
    public boolean mayCheck(Optional<Caller> caller, PackageReview review) {
        return caller.filter(present -> review.state().isOpen()
                && refusal(ReviewAction.CHECK, present, review).isEmpty()).isPresent();
    }

    /**
     * Takes the action on the review: 404 for a review the caller may not read, 403 naming the role needed, 409
     * when the review's state does not allow it, 400 for a missing reason. Returns the review as it now is.
     */
    @Transactional
    public PackageReview act(Caller caller, long number, ReviewAction action, String reason) {
        PackageReview review = lockedForChange(caller, number, action);
        String why = action.needsReason() ? reason(action, reason) : null;
        Instant now = clock.instant();
        long actor = caller.user().id();
        switch (action) {
            case TAKE -> reviews.update(number, PackageReviewState.IN_REVIEW, actor, null, now);
            case NEEDS_WORK -> reviews.update(number, PackageReviewState.NEEDS_WORK, review.reviewerId(), why, now);
            case REJECT -> reviews.update(number, PackageReviewState.REJECTED, review.reviewerId(), why, now);
            case REOPEN -> reviews.update(number, PackageReviewState.NEW, null, null, now);
            case APPROVE -> approve(caller, review, now);
            case CHECK -> throw new IllegalArgumentException("the checklist is ticked item by item");
        }
        reviews.addEvent(number, actor, action.event(), why, now);
        PackageReview changed = reviews.find(number).orElseThrow();
        publish(NoticeKind.STATE_CHANGE, changed, actor, participants(changed), caller.name() + " "
                + headlineVerb(action) + " review #" + number + " of " + changed.projectName(), why == null ? "" : why);
        return changed;
    }

    /** The review, locked for a change the caller is allowed to make (checked as {@link #act} says). */
    public PackageReview lockedForChange(Caller caller, long number, ReviewAction action) {
        PackageReview seen = readable(Optional.of(caller), number);
        // the project first, as an upload (which may add an iteration to the review) locks it
        projects.lock(projects.project(seen.project()));
        reviews.lock(number);
        PackageReview review = reviews.find(number).orElseThrow(() -> noSuchReview(number));
        refusal(action, caller, review).ifPresent(message -> {
            throw new ForbiddenException(message);
        });
        PackageReviewRules.stateConflict(action, caller, review).ifPresent(message -> {
            throw new ConflictException(message);
        });
        return review;
    }

    /** Records the event of a change made by another part of this feature (the checklist). */
    public void record(PackageReview review, long actorId, String action, String detail) {
        reviews.addEvent(review.number(), actorId, action, detail, clock.instant());
    }

    private void approve(Caller caller, PackageReview review, Instant now) {
        if (review.sponsorNeeded()) {
            reviews.addSponsorship(review.contributorId(), caller.user().id(), review.number(), now);
            reviews.addEvent(review.number(), caller.user().id(), "sponsored", caller.name() + " sponsors "
                    + review.contributor(), now);
        }
        reviews.update(review.number(), PackageReviewState.APPROVED, caller.user().id(), null, now);
        Project project = projects.releaseHold(projects.project(review.project()));
        for (String version : holds.releaseAll(project, caller.user().id(), "approved in review #" + review.number())) {
            reviews.addEvent(review.number(), caller.user().id(), "released", "released version " + version, now);
        }
    }

    private Optional<String> refusal(ReviewAction action, Caller caller, PackageReview review) {
        boolean member = projects.members(projects.project(review.project())).stream()
                .anyMatch(held -> held.userId() == caller.user().id());
        return PackageReviewRules.refusal(action, new PackageReviewRules.Standing(caller, member), review);
    }

    private PackageReview readable(Optional<Caller> caller, long number) {
        PackageReview review = reviews.find(number).orElseThrow(() -> noSuchReview(number));
        Project project = projects.project(review.project());
        if (!projects.mayRead(caller, project)) {
            throw noSuchReview(number);
        }
        return review;
    }

    private static String reason(ReviewAction action, String reason) {
        String given = reason == null ? "" : reason.strip();
        if (given.isEmpty()) {
            throw new InvalidInputException("A reason is required to " + (action == ReviewAction.REJECT ? "reject"
                    : "ask for work") + ": say what is wrong (field 'reason')");
        }
        if (given.length() > MAX_REASON) {
            throw new InvalidInputException("The reason is too long: at most " + MAX_REASON + " characters, got "
                    + given.length());
        }
        return given;
    }

    private static String headlineVerb(ReviewAction action) {
        return switch (action) {
            case TAKE -> "took";
            case APPROVE -> "approved";
            case NEEDS_WORK -> "asked for work on";
            case REJECT -> "rejected";
            case REOPEN -> "reopened";
            case CHECK -> "ticked the checklist of";
        };
    }

    private static Set<Long> participants(PackageReview review) {
        Set<Long> people = new HashSet<>(Set.of(review.contributorId()));
        if (review.reviewerId() != null) {
            people.add(review.reviewerId());
        }
        return people;
    }

    private void publish(NoticeKind kind, PackageReview review, long actor, Set<Long> direct, String headline,
            String excerpt) {
        events.publishEvent(new Notice(kind, review.number(), review.projectId(), actor, Set.copyOf(direct), headline,
                review.path(), excerpt));
    }

    static NotFoundException noSuchReview(long number) {
        return new NotFoundException("there is no package review #" + number);
    }
}
