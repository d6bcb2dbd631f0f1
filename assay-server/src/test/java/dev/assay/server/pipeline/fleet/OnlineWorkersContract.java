package dev.assay.server.pipeline.fleet;

import static dev.assay.server.pipeline.fleet.WorkersAsAdmin.listed;
import static dev.assay.server.pipeline.fleet.WorkersAsAdmin.signedIn;
import static dev.assay.server.pipeline.matrix.MatrixClaims.offering;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.queue.JobQueue;
import tools.jackson.databind.JsonNode;

/**
 * One rule of who is online, for the workers page and for the Python versions a project tests by default: a
 * worker seen lately, or one busy with a job under a live lease however long ago it last claimed.
 */
abstract class OnlineWorkersContract extends PipelineFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "10m");
    }

    @BeforeEach
    void noWorkerOnline() {
        update("DELETE FROM workers");
    }

    @Test
    void aWorkerBusyWithALongJobStaysOnlineForTheWorkersPageAndTheMatrixWhileAnIdleOneGoesOffline() throws Exception {
        String busy = "busy-" + databaseKind();
        String idle = "idle-" + databaseKind();
        JobQueue queue = server.bean(JobQueue.class);
        String project = uploadedProject();
        ClaimedJob held = claimPipeline(queue, busy, offering("3.19.0"), pipelineOf(project));
        server.bean(Workers.class).seen(WorkerIdentity.inProcess(idle, "test-host"), offering("3.18.0"), Instant.now());
        // both last claimed an hour ago: the busy one has been running its job since, renewing its lease
        update("UPDATE workers SET last_seen = ?", Timestamp.from(Instant.now().minus(Duration.ofHours(1))));

        Document page = Jsoup.parse(signedIn(server.url(), ADMIN, PASSWORD).get("admin/workers").body());
        JsonNode pythons = owner.json("api/v1/projects/" + project + "/pythons");
        JsonNode matrix = owner.json(pipelines(uploadedProject())).get(0).get("matrix");

        assertThat(listed(admin, busy).get("online").asBoolean()).as("busy with a job under a live lease").isTrue();
        assertThat(listed(admin, idle).get("online").asBoolean()).as("not seen for an hour, no job").isFalse();
        assertThat(page.select("#worker-" + listed(admin, busy).get("id").asLong() + " .worker-online").text())
                .isEqualTo("online");
        assertThat(page.select("#worker-" + listed(admin, idle).get("id").asLong() + " .worker-online").text())
                .isEqualTo("offline");
        assertThat(pythons.get("online").toString()).isEqualTo("[\"3.19\"]");
        assertThat(matrix).extracting(run -> run.get("python").asString()).containsExactly("3.19");

        queue.result(held.jobId(), held.lease(), brokenMetadataResult());

        assertThat(listed(admin, busy).get("online").asBoolean()).as("its job done, it has not claimed for an hour")
                .isFalse();
        assertThat(owner.json("api/v1/projects/" + project + "/pythons").get("online")).isEmpty();
    }


    private long pipelineOf(String project) {
        return owner.json(pipelines(project)).get(0).get("id").asLong();
    }

}
