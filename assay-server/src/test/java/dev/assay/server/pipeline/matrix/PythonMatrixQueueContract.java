package dev.assay.server.pipeline.matrix;

import static dev.assay.server.pipeline.matrix.MatrixClaims.claimsOf;
import static dev.assay.server.pipeline.matrix.MatrixClaims.offering;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.fleet.Workers;
import dev.assay.server.pipeline.queue.JobQueue;
import tools.jackson.databind.JsonNode;

/**
 * The queue's side of the Python-version matrix, with no in-process worker: one job per series the online workers
 * offer, each given only to a worker offering its series, and the pipeline's state summarising its jobs.
 */
abstract class PythonMatrixQueueContract extends PipelineFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "1m", "assay.pipeline.max-attempts", 3);
    }

    @BeforeEach
    void noWorkerOnline() {
        update("DELETE FROM workers");
    }

    @Test
    void aPipelineQueuesOneJobPerSeriesOnlineWorkersOfferAndEachGoesOnlyToAWorkerOfferingIt() throws Exception {
        seen("py311", offering("3.11.2"));
        seen("py312", offering("3.12.1", "3.11.7"));
        String project = uploadedProject();
        long pipeline = owner.json(pipelines(project)).get(0).get("id").asLong();
        JobQueue queue = server.bean(JobQueue.class);

        assertThat(claimsOf(queue, offering("3.13.0"), pipeline)).as("no job for a series nobody asked for").isEmpty();
        List<ClaimedJob> on312 = claimsOf(queue, offering("3.12.1"), pipeline);
        JsonNode running = owner.json("api/v1/pipelines/" + pipeline);
        List<ClaimedJob> on311 = claimsOf(queue, offering("3.11.2"), pipeline);
        queue.result(on312.get(0).jobId(), on312.get(0).lease(), result("passed"));
        queue.result(on311.get(0).jobId(), on311.get(0).lease(), result("failed"));
        JsonNode finished = owner.json("api/v1/pipelines/" + pipeline);

        assertThat(on312).extracting(ClaimedJob::python).containsExactly("3.12");
        assertThat(on311).extracting(ClaimedJob::python).containsExactly("3.11");
        assertThat(running.get("status").asString()).as("one job running, one queued").isEqualTo("running");
        assertThat(finished.get("status").asString()).as("the worst outcome of its jobs").isEqualTo("failed");
        assertThat(finished.get("matrix")).hasSize(2);
        assertThat(finished.get("matrix").get(0).get("python").asString()).isEqualTo("3.11");
        assertThat(finished.get("matrix").get(0).get("status").asString()).isEqualTo("failed");
        assertThat(finished.get("matrix").get(1).get("python").asString()).isEqualTo("3.12");
        assertThat(finished.get("matrix").get(1).get("status").asString()).isEqualTo("passed");
        assertThat(owner.json(pipelines(project))).as("one row per pipeline, whatever its jobs").hasSize(1);
    }

    @Test
    void withNoWorkerOnlineAPipelineQueuesOneJobForAnyWorker() throws Exception {
        String project = uploadedProject();
        long pipeline = owner.json(pipelines(project)).get(0).get("id").asLong();

        List<ClaimedJob> claimed = claimsOf(server.bean(JobQueue.class), offering("3.13.0"), pipeline);

        assertThat(claimed).singleElement().satisfies(job -> assertThat(job.python()).isNull());
    }

    @Test
    void aWorkerThatOffersNoInterpreterMayTakeAJobOfAnySeries() throws Exception {
        seen("py312-only", offering("3.12.1"));
        String project = uploadedProject();
        long pipeline = owner.json(pipelines(project)).get(0).get("id").asLong();

        List<ClaimedJob> claimed = claimsOf(server.bean(JobQueue.class), WorkerOffer.UNKNOWN, pipeline);

        assertThat(claimed).extracting(ClaimedJob::python).containsExactly("3.12");
    }

    private void seen(String name, WorkerOffer offer) {
        server.bean(Workers.class).seen(WorkerIdentity.inProcess(name, "test-host"), offer, Instant.now());
    }

    private static List<TaskReport> result(String outcome) {
        return MatrixClaims.result("metadata", outcome);
    }
}
