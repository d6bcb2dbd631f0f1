package dev.assay.server.pipeline.downstream;

import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.requirement.Requirement;
import dev.assay.packaging.version.Version;
import dev.assay.server.index.DistributionFile;
import dev.assay.server.index.FileUploaded;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.Reader;
import dev.assay.server.index.Release;
import dev.assay.server.index.ReleaseLookup;
import dev.assay.server.index.ReleaseRepository;
import dev.assay.server.index.pages.DependencyService;
import dev.assay.server.pipeline.queue.PipelineRepository;
import dev.assay.server.pipeline.queue.PipelineService;

/**
 * Queues the downstream re-tests of a new release when its first wheel is uploaded (the wheelhouse stages wheels
 * only): for each project whose newest release requiring it admits the new version, up to
 * {@code assay.downstream.max-dependents} of them by name, that release's file is tested again with the new
 * release staged, below every other job in the queue.
 */
@Service
class DownstreamTrigger {

    // Every project counts, private and held ones too: who may see a re-test is decided when it is shown.
    private static final Reader EVERY_PROJECT = new Reader(-1, true, true, "");

    private final DownstreamProperties properties;
    private final DownstreamRepository runs;
    private final DependencyService dependencies;
    private final ProjectService projects;
    private final ReleaseLookup releases;
    private final PipelineService pipelines;
    private final Clock clock;

    DownstreamTrigger(DownstreamProperties properties, DownstreamRepository runs, DependencyService dependencies,
            ProjectService projects, ReleaseLookup releases, PipelineService pipelines, Clock clock) {
        this.properties = properties;
        this.runs = runs;
        this.dependencies = dependencies;
        this.projects = projects;
        this.releases = releases;
        this.pipelines = pipelines;
        this.clock = clock;
    }

    /** Inside the upload's transaction, as the upload's own pipeline is queued. */
    @EventListener
    void uploaded(FileUploaded upload) {
        if (properties.maxDependents() <= 0 || !upload.filename().endsWith(".whl")
                || runs.anyFor(upload.releaseId())) {
            return;
        }
        Project library = projects.find(upload.projectId()).orElseThrow();
        Optional<Version> version = Version.tryParse(upload.version());
        // a re-test lives on the dependent's pages, which people who may not read a private or held library read
        if (version.isEmpty() || library.isPrivate() || library.held()) {
            return;
        }
        dependents(library, version.get()).stream().limit(properties.maxDependents())
                .forEach(dependent -> retest(upload, dependent));
    }

    // Per dependent project, its newest release requiring the library in a way the new version satisfies.
    private List<ReleaseRepository.Dependent> dependents(Project library, Version version) {
        Map<String, ReleaseRepository.Dependent> newest = new LinkedHashMap<>();
        for (ReleaseRepository.Dependent dependent : dependencies.dependents(EVERY_PROJECT, library)) {
            if (dependent.normalizedName().equals(library.normalizedName()) || !admits(dependent, version)) {
                continue;
            }
            newest.merge(dependent.normalizedName(), dependent, DownstreamTrigger::newer);
        }
        return newest.values().stream().sorted(Comparator.comparing(ReleaseRepository.Dependent::normalizedName))
                .toList();
    }

    private static boolean admits(ReleaseRepository.Dependent dependent, Version version) {
        try {
            return Requirement.parse(dependent.requirement()).specifier().contains(version);
        } catch (PackagingException unparsable) {
            return false;
        }
    }

    private static ReleaseRepository.Dependent newer(ReleaseRepository.Dependent one,
            ReleaseRepository.Dependent other) {
        Optional<Version> first = Version.tryParse(one.version());
        Optional<Version> second = Version.tryParse(other.version());
        if (first.isEmpty() || second.isEmpty()) {
            return first.isPresent() ? one : other;
        }
        return first.get().compareTo(second.get()) >= 0 ? one : other;
    }

    private void retest(FileUploaded upload, ReleaseRepository.Dependent dependent) {
        Project project = projects.find(dependent.normalizedName()).orElseThrow();
        Release release = releases.release(project, dependent.version());
        if (release.yanked()) {
            return;
        }
        Optional<PipelineRepository.PipelineRow> baseline = pipelines.latestOrdinary(release.id());
        Optional<DistributionFile> file = baseline
                .flatMap(row -> releases.files(release).stream().filter(one -> one.filename().equals(row.filename()))
                        .findFirst())
                .or(() -> releases.files(release).stream().findFirst());
        if (file.isEmpty()) {
            return;
        }
        long pipeline = pipelines.startDownstream(project.id(), release.id(), file.get().id(), file.get().filename(),
                upload.uploader());
        runs.insert(upload.releaseId(), pipeline, baseline.map(PipelineRepository.PipelineRow::id).orElse(null),
                clock.instant());
    }
}
