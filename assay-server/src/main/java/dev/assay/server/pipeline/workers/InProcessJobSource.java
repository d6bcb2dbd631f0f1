package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.server.index.DistributionStore;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.plugins.TaskState;
import dev.assay.server.pipeline.plugins.TaskSwitches;
import dev.assay.server.pipeline.queue.JobQueue.WorkerLogLine;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.pipeline.downstream.DownstreamPins;
import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse;
import dev.assay.server.upstream.files.UpstreamFileCache;

/**
 * The in-process workers' {@link JobSource}: the {@link JobQueue}, and files copied straight from the store (a
 * mirrored file's from its kept copy).
 */
@Component
class InProcessJobSource implements JobSource {

    private final JobQueue queue;
    private final DistributionStore store;
    private final IndexWheelhouse wheelhouse;
    private final CommitCheckout checkout;
    private final String host;
    private final UpstreamFileCache mirrored;
    private final TaskSwitches switches;
    private final DownstreamPins pins;

    InProcessJobSource(JobQueue queue, DistributionStore store, IndexWheelhouse wheelhouse, CommitCheckout checkout,
            UpstreamFileCache mirrored, TaskSwitches switches, DownstreamPins pins) {
        this.pins = pins;
        this.switches = switches;
        this.mirrored = mirrored;
        this.host = HttpJobSource.hostName();
        this.queue = queue;
        this.store = store;
        this.wheelhouse = wheelhouse;
        this.checkout = checkout;
    }

    @Override
    public Optional<ClaimedJob> claim(String worker, WorkerOffer offer) {
        return queue.claim(WorkerIdentity.inProcess(worker, host), offer);
    }

    @Override
    public TaskState taskState() {
        return switches.state();
    }

    @Override
    public Instant heartbeat(ClaimedJob job) {
        return queue.heartbeat(job.jobId(), job.lease());
    }

    @Override
    public void log(ClaimedJob job, List<WorkerLogLine> lines) {
        queue.log(job.jobId(), job.lease(), lines);
    }

    @Override
    public void attach(ClaimedJob job, String task, String name, Path file) throws IOException {
        try (InputStream content = Files.newInputStream(file)) {
            queue.attach(job.jobId(), job.lease(), task, name, content);
        }
    }

    @Override
    public void result(ClaimedJob job, List<TaskReport> tasks) {
        queue.result(job.jobId(), job.lease(), tasks);
    }

    @Override
    public Path fetchDistribution(ClaimedJob job, Path directory) throws IOException {
        Optional<Path> stored = job.upstream() != null ? mirrored.kept(job.project(), job.filename())
                : Optional.of(store.locate(job.project(), job.filename()));
        if (stored.isEmpty() || !Files.isRegularFile(stored.get())) {
            throw new IOException("the file " + job.filename() + " is no longer stored (was it deleted?)");
        }
        return Files.copy(stored.get(), Files.createDirectories(directory).resolve(job.filename()));
    }

    @Override
    public Optional<Path> fetchSdist(ClaimedJob job, Path directory) throws IOException {
        if (job.upstream() != null) {
            return Optional.empty();
        }
        Optional<Path> sdist = wheelhouse.sdistOf(job.project(), job.version()).filter(Files::isRegularFile);
        if (sdist.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Files.copy(sdist.get(), Files.createDirectories(directory).resolve(sdist.get().getFileName())));
    }

    @Override
    public CommitCheckout.Checkout fetchSource(ClaimedJob job, Path directory) throws IOException {
        return checkout.export(job.project(), job.gitCommit(), directory);
    }

    @Override
    public IndexWheelhouse.Resolution stageDependencies(ClaimedJob job, Path wheel, MarkerEnvironment environment,
            Path directory) throws IOException {
        return job.testsCommit() || job.upstream() != null ? wheelhouse.stageForWheel(job.project(), wheel, environment, directory)
                : wheelhouse.stageForRelease(job.project(), job.version(), wheel, environment, directory,
                        pins.pin(job.pipelineId()));
    }

    @Override
    public IndexWheelhouse.Resolution stageBuildRequirements(ClaimedJob job, List<String> requirements,
            MarkerEnvironment environment, Path directory) throws IOException {
        return wheelhouse.stageRequirements(job.project(), requirements, environment, directory);
    }
}
