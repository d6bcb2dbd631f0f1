package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.assay.packaging.requirement.MarkerEnvironment;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.plugins.TaskState;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.queue.JobQueue.WorkerLogLine;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.pipeline.wheelhouse.IndexWheelhouse;

/**
 * Where a worker gets its jobs and what they test, and where it sends what they did: the {@link JobQueue} and
 * the server's store in this JVM, or the worker API over HTTP. A lost lease is a
 * {@link dev.assay.server.error.ConflictException}: the worker stops the job and drops its result.
 */
public interface JobSource {

    /** Claims a job for {@code worker}; empty when there is none. */
    Optional<ClaimedJob> claim(String worker, WorkerOffer offer);

    /** Which tasks run, as the server's task switches say now. */
    TaskState taskState();

    /** Renews the job's lease. */
    Instant heartbeat(ClaimedJob job);

    /** Appends lines to the job's log. */
    void log(ClaimedJob job, List<WorkerLogLine> lines);

    /** Keeps one raw-data file of one of the job's tasks. */
    void attach(ClaimedJob job, String task, String name, Path file) throws IOException;

    /** Records the job's result. */
    void result(ClaimedJob job, List<TaskReport> tasks);

    /** Writes the job's distribution file into {@code directory}, checked against its digest. */
    Path fetchDistribution(ClaimedJob job, Path directory) throws IOException;

    /** Writes the sdist of the job's release into {@code directory}, if the release has one. */
    Optional<Path> fetchSdist(ClaimedJob job, Path directory) throws IOException;

    /** Writes the tree of the job's commit into the absent or empty {@code directory}. */
    CommitCheckout.Checkout fetchSource(ClaimedJob job, Path directory) throws IOException;

    /**
     * Stages the job's dependencies from the index into {@code wheelhouse}: a release's as the index knows them,
     * a commit's as {@code wheel} (built from it) requires them.
     */
    IndexWheelhouse.Resolution stageDependencies(ClaimedJob job, Path wheel, MarkerEnvironment environment,
            Path wheelhouse) throws IOException;

    /**
     * Stages the wheels that {@code requirements} — the build requirements of the job's sources — resolve to from the
     * index into {@code wheelhouse}.
     */
    IndexWheelhouse.Resolution stageBuildRequirements(ClaimedJob job, List<String> requirements,
            MarkerEnvironment environment, Path wheelhouse) throws IOException;

    /** The source refuses this worker (unknown server, bad token, no worker scope): retrying cannot help. */
    final class Refused extends RuntimeException {

        /** Why, for the person who started the worker. */
        public Refused(String message) {
            super(message);
        }
    }
}
