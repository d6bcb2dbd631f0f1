package dev.assay.server.pipeline.rawdata;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.ProbeTasks;
import dev.assay.server.testing.ObjectStorageServer;

/**
 * A pipeline with distribution files and raw data in an S3-compatible bucket (a real S3Proxy): its job reads the
 * upload from the bucket, its kept files are written there, served from there once this server's copies are gone,
 * and removed from there with their pipeline.
 */
abstract class ObjectStorageRawDataContract extends PipelineFixture {

    private static final String PREFIX = "kept";

    private ObjectStorageServer storage;

    @Override
    protected Map<String, Object> pipelineSettings() {
        storage = ObjectStorageServer.start("assay-raw-data");
        Map<String, Object> settings = new HashMap<>(ONE_WORKER);
        settings.putAll(storage.settings(PREFIX));
        return settings;
    }

    @Override
    protected Class<?>[] extraBeans() {
        return new Class<?>[] {ProbeTasks.class};
    }

    @AfterAll
    void stopStorage() throws Exception {
        if (storage != null) {
            storage.close();
        }
    }

    @Test
    void keptFilesLiveInTheBucketAndGoWithTheirPipeline() throws Exception {
        String project = uploadedProject();
        long id = finishedPipeline(project).get("id").asLong();
        String folder = PREFIX + "/pipelines/" + id + "/";
        String log = storage.keys(folder).stream().filter(key -> key.endsWith("/probe/" + ProbeTasks.LOG)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + ProbeTasks.LOG + " among " + storage.keys(folder)));
        assertThat(new String(storage.read(log), StandardCharsets.UTF_8)).isEqualTo(ProbeTasks.LOG_TEXT);
        assertThat(data.resolve("pipelines").resolve(Long.toString(id))).doesNotExist();

        forgetLocalCopies();
        HttpResponse<String> served = stranger.get("api/v1/pipelines/" + id + "/raw/probe/files/" + ProbeTasks.LOG);
        assertThat(served.statusCode()).as(served.body()).isEqualTo(200);
        assertThat(served.body()).isEqualTo(ProbeTasks.LOG_TEXT);

        HttpResponse<String> deleted = owner.delete("api/v1/projects/" + project + "/releases/1.0");
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(server.bean(RawFiles.class).sweep()).isGreaterThanOrEqualTo(1);
        assertThat(storage.keys(folder)).isEmpty();
        assertThat(data.resolve("cache").resolve("pipelines").resolve(Long.toString(id))).doesNotExist();
    }

    private void forgetLocalCopies() throws Exception {
        try (Stream<Path> paths = Files.walk(data.resolve("cache").resolve("pipelines"))) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
    }
}
