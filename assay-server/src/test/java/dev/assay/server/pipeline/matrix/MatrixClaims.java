package dev.assay.server.pipeline.matrix;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.FindingView;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.AssayVersion;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.queue.JobQueue;

/** Claims as a worker offering chosen Python versions would, for the matrix's queue and page tests. */
public final class MatrixClaims {

    private MatrixClaims() {
    }

    /** An offer of CPython interpreters of these full versions. */
    public static WorkerOffer offering(String... versions) {
        List<WorkerOffer.Interpreter> pythons = new ArrayList<>();
        for (String version : versions) {
            pythons.add(new WorkerOffer.Interpreter(version, "cpython", "/opt/python" + version + "/bin/python3",
                    List.of()));
        }
        return new WorkerOffer(AssayVersion.current(), pythons, List.of());
    }

    /**
     * Claims with {@code offer} until nothing is left for it, and returns the jobs of {@code pipeline} among those
     * claimed; jobs other tests left behind are finished on the way.
     */
    static List<ClaimedJob> claimsOf(JobQueue queue, WorkerOffer offer, long pipeline) {
        List<ClaimedJob> mine = new ArrayList<>();
        WorkerIdentity claimer = WorkerIdentity.inProcess("claimer-" + offer.interpreters().size(), "test-host");
        for (Optional<ClaimedJob> job = queue.claim(claimer, offer); job.isPresent(); job = queue.claim(claimer, offer)) {
            if (job.get().pipelineId() == pipeline) {
                mine.add(job.get());
            } else {
                queue.result(job.get().jobId(), job.get().lease(), result("metadata", "failed"));
            }
        }
        return mine;
    }

    /** A result of one task with the outcome given and no finding. */
    public static List<TaskReport> result(String task, String outcome) {
        Instant now = Instant.now();
        return List.of(new TaskReport(task, outcome, now, now, 0, outcome, List.<FindingView>of(), Map.of()));
    }
}
