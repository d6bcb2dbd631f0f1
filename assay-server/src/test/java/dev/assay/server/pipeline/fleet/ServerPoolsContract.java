package dev.assay.server.pipeline.fleet;

import static dev.assay.server.pipeline.fleet.WorkersAsAdmin.signedIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.testing.TestServer;
import tools.jackson.databind.JsonNode;

/**
 * The in-process workers of two servers sharing a database are two workers on the workers page, each named after its
 * server's port, with leases of their own.
 */
abstract class ServerPoolsContract extends PipelineFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return ONE_WORKER;
    }

    @Test
    void theInProcessWorkersOfTwoServersOnOneDatabaseAreListedApartNamedAfterTheirPorts(@TempDir Path otherData)
            throws Exception {
        Map<String, Object> settings = new HashMap<>(ONE_WORKER);
        settings.put("spring.datasource.url", database.url());
        settings.put("spring.datasource.username", database.user());
        settings.put("spring.datasource.password", database.password());
        try (TestServer other = TestServer.start(otherData, database, settings)) {
            String mine = "in-process-" + server.port() + "/1";
            String theirs = "in-process-" + other.port() + "/1";

            List<JsonNode> listed = eventually("the in-process workers of both servers", this::inProcessWorkers,
                    workers -> names(workers).containsAll(List.of(mine, theirs)));
            Document page = Jsoup.parse(signedIn(server.url(), ADMIN, PASSWORD).get("admin/workers").body());

            assertThat(mine).isNotEqualTo(theirs);
            List<JsonNode> both = listed.stream().filter(worker -> List.of(mine, theirs)
                    .contains(worker.get("name").asString())).toList();
            assertThat(both).hasSize(2).allSatisfy(worker -> {
                assertThat(worker.get("holder").asString())
                        .isEqualTo(worker.get("name").asString() + "@" + worker.get("host").asString());
                assertThat(worker.get("online").asBoolean()).isTrue();
                assertThat(page.select("#worker-" + worker.get("id").asLong() + " .worker-holder").text())
                        .isEqualTo(worker.get("holder").asString());
            });
        }
    }

    private List<JsonNode> inProcessWorkers() {
        return StreamSupport.stream(admin.json("api/v1/admin/workers").spliterator(), false)
                .filter(worker -> worker.get("kind").asString().equals("in-process")).toList();
    }

    private static List<String> names(List<JsonNode> workers) {
        return workers.stream().map(worker -> worker.get("name").asString()).toList();
    }

}
