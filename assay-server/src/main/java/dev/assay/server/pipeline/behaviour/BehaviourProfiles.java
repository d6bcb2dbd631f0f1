package dev.assay.server.pipeline.behaviour;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.pipeline.JobFinished;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.review.packagereview.PackageReviewService;
import dev.assay.server.review.releasehold.HoldKind;
import dev.assay.server.review.releasehold.ReleaseHolds;
import dev.assay.tasks.builtin.Behaviour;

/**
 * Keeps each release's behaviour profile from its jobs' traced steps, diffs it with the previous release's, and
 * holds the release for package review when a new item's kind says hold.
 */
@Service("releaseBehaviours")
public class BehaviourProfiles {

    private static final int MAX_VALUE = 1000;

    private final BehaviourRepository repository;
    private final BehaviourPolicies policies;
    private final ProjectService projects;
    private final ReleaseLookup lookup;
    private final PackageReviewService reviews;
    private final AccountService accounts;
    private final Clock clock;
    private final ReleaseHolds holds;

    BehaviourProfiles(BehaviourRepository repository, BehaviourPolicies policies, ProjectService projects,
            ReleaseLookup lookup, PackageReviewService reviews, AccountService accounts, Clock clock,
            ReleaseHolds holds) {
        this.holds = holds;
        this.repository = repository;
        this.policies = policies;
        this.projects = projects;
        this.lookup = lookup;
        this.reviews = reviews;
        this.accounts = accounts;
        this.clock = clock;
    }

    /**
     * Inside the transaction recording a job's result: adds what its traced steps did to the release's profile, then
     * holds the release when a new item (against the previous release) is of a kind the project's policy holds.
     */
    @EventListener
    void finished(JobFinished job) {
        if (job.tasks().stream().noneMatch(task -> values(task).containsKey(Behaviour.RAW_DATA))) {
            return;
        }
        Optional<Project> project = projects.find(job.project());
        Optional<Release> release = project.flatMap(found -> release(found, job.version()));
        if (release.isEmpty()) {
            return;
        }
        repository.add(release.get().id(), items(job.tasks()), clock.instant());
        List<ReleaseBehaviour.Decision> holds = of(project.get(), release.get()).added().stream()
                .filter(decision -> decision.action().equals(PolicyAction.HOLD.key())).toList();
        if (holds.isEmpty()) {
            return;
        }
        String reason = "new behaviour: " + String.join("; ", holds.stream().map(ReleaseBehaviour.Decision::sentence)
                .toList());
        String kept = reason.length() <= 1900 ? reason : reason.substring(0, 1900) + "…";
        if (repository.markHeld(release.get().id(), kept)) {
            reviews.holdRelease(project.get(), release.get().id(), release.get().version(),
                    actor(project.get(), release.get(), job.filename()), kept);
        }
    }

    /** The release's profile and diff; the caller has checked that the reader may read the release. */
    @Transactional(readOnly = true)
    public ReleaseBehaviour of(Project project, Release release) {
        Optional<BehaviourRepository.Profiled> profiled = repository.profiled(release.id());
        List<BehaviourItem> profile = repository.items(release.id());
        Optional<Release> previous = lookup.previous(project, release);
        Optional<List<BehaviourItem>> before = previous.filter(p -> repository.profiled(p.id()).isPresent())
                .map(p -> repository.items(p.id()));
        Map<BehaviourKind, PolicyAction> policy = policies.of(project);
        String holdReason = profiled.map(BehaviourRepository.Profiled::holdReason).orElse(null);
        List<ReleaseBehaviour.Decision> added = new ArrayList<>();
        List<BehaviourItem> gone = new ArrayList<>();
        if (before.isPresent() && profiled.isPresent()) {
            Set<BehaviourItem> old = new HashSet<>(before.get());
            for (BehaviourItem item : profile) {
                if (!old.contains(item)) {
                    PolicyAction action = BehaviourKind.ofKey(item.kind()).map(policy::get).orElse(PolicyAction.WARN);
                    added.add(new ReleaseBehaviour.Decision(item, action.key(),
                            release.version() + " now " + item.sentence()));
                }
            }
            gone.addAll(before.get().stream().filter(item -> !profile.contains(item)).toList());
        }
        return new ReleaseBehaviour(project.name(), release.version(), previous.map(Release::version).orElse(null),
                profiled.isPresent(), before.isPresent() && profiled.isPresent(), profile, added, gone,
                policies.keys(project), holdReason != null
                        && holds.active(release.id(), HoldKind.BEHAVIOUR).isPresent(), holdReason);
    }

    /**
     * The package review page's view of the project's release {@code version}, null when it is gone; the page has
     * checked that its reader may read the project.
     */
    @Transactional(readOnly = true)
    public ReleaseBehaviour ofRelease(String projectName, String version) {
        Optional<Project> project = projects.find(projectName);
        return project.flatMap(found -> release(found, version)).map(release -> of(project.get(), release))
                .orElse(null);
    }

    private Optional<Release> release(Project project, String version) {
        try {
            return Optional.of(lookup.release(project, version));
        } catch (NotFoundException gone) {
            return Optional.empty();
        }
    }

    // the uploader of the job's file acts for the hold; a file without one (an old upload) falls to an owner
    private long actor(Project project, Release release, String filename) {
        Optional<String> uploader = lookup.files(release).stream().filter(file -> file.filename().equals(filename))
                .findFirst().flatMap(DistributionFile::uploader);
        if (uploader.isPresent()) {
            return accounts.user(uploader.get()).id();
        }
        return projects.members(project).get(0).userId();
    }

    private static List<BehaviourItem> items(List<TaskReport> tasks) {
        Set<BehaviourItem> items = new LinkedHashSet<>();
        for (TaskReport task : tasks) {
            if (values(task).get(Behaviour.RAW_DATA) instanceof Collection<?> recorded) {
                for (Object entry : recorded) {
                    // a worker's report is input: only the kinds this server knows are kept
                    if (entry instanceof Map<?, ?> item && item.get("value") != null
                            && BehaviourKind.ofKey(String.valueOf(item.get("kind"))).isPresent()) {
                        String value = String.valueOf(item.get("value"));
                        items.add(new BehaviourItem(String.valueOf(item.get("kind")),
                                value.length() <= MAX_VALUE ? value : value.substring(0, MAX_VALUE), task.name()));
                    }
                }
            }
        }
        return List.copyOf(items);
    }

    private static Map<?, ?> values(TaskReport task) {
        return task.rawData().get("values") instanceof Map<?, ?> values ? values : Map.of();
    }
}
