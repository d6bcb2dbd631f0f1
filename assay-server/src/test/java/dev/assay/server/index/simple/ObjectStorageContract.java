package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.testing.Eventually;
import dev.assay.server.testing.ObjectStorageServer;
import dev.assay.server.testing.TestDistributions;

/**
 * Distribution files in an S3-compatible bucket (a real S3Proxy started by the test): uploads land in the bucket,
 * downloads (whole, ranged, through the fast path) come from it even when this server's copies are gone, deletes
 * remove the objects, and an object that a server killed before its commit left behind is never served and is
 * removed by the comparison at start.
 */
abstract class ObjectStorageContract extends IndexFixture {

    private static final String PREFIX = "assay-tests";
    private static final String ORPHAN = PREFIX + "/files/orphaned/orphaned-1.0-py3-none-any.whl";

    private ObjectStorageServer storage;

    @Override
    Map<String, Object> serverProperties() {
        storage = ObjectStorageServer.start("assay-files");
        // what an upload killed between writing its object and committing its row leaves in the bucket
        storage.write(ORPHAN, "not committed".getBytes(StandardCharsets.UTF_8));
        Map<String, Object> properties = new HashMap<>(storage.settings(PREFIX));
        properties.put("assay.recovery.orphan-grace", "0s");
        properties.put("assay.pipeline.workers", 0);
        return properties;
    }

    @AfterAll
    void stopStorage() throws Exception {
        if (storage != null) {
            storage.close();
        }
    }

    private static String wheelName(String project, String version) {
        return ProjectName.escapeForFilename(project) + "-" + version + "-py3-none-any.whl";
    }

    private HttpResponse<String> delete(String path) {
        String credentials = "__token__:" + token;
        return exchange(HttpRequest.newBuilder(uri(path)).DELETE().header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void forgetLocalCopies() throws Exception {
        Path copies = data.resolve("cache").resolve("files");
        try (Stream<Path> paths = Files.walk(copies)) {
            for (Path file : paths.filter(Files::isRegularFile).toList()) {
                Files.delete(file);
            }
        }
    }

    @Test
    void uploadsLandInTheBucketAndDownloadsComeBackFromIt() throws Exception {
        String name = unique("stored-object");
        // past the size from which files go out with sendfile
        byte[] noise = new byte[96 * 1024];
        new Random(16).nextBytes(noise);
        byte[] wheel = publishWheel(new TestDistributions.Spec(name, "1.0", List.of(), HexFormat.of().formatHex(noise)));
        String key = PREFIX + "/files/" + name + "/" + wheelName(name, "1.0");
        assertThat(storage.keys(PREFIX + "/files/" + name + "/")).containsExactlyInAnyOrder(key, key + ".metadata");
        assertThat(storage.read(key)).isEqualTo(wheel);
        assertThat(Files.exists(data.resolve("files").resolve(name))).as("nothing under DATA/files").isFalse();

        forgetLocalCopies();
        String file = "files/" + name + "/" + wheelName(name, "1.0");
        HttpResponse<byte[]> whole = getBytes(file);
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(wheel);
        forgetLocalCopies();
        HttpResponse<byte[]> range = getBytes(file, "Range", "bytes=10-19");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(wheel, 10, 20));
        assertThat(new String(getBytes(file + ".metadata").body(), StandardCharsets.UTF_8)).contains("Name: " + name);
    }

    @Test
    void theFastPathServesFilesFetchedFromTheBucket() throws Exception {
        String name = unique("fast-object");
        byte[] noise = new byte[96 * 1024];
        new Random(17).nextBytes(noise);
        byte[] wheel = publishWheel(new TestDistributions.Spec(name, "1.0", List.of(), HexFormat.of().formatHex(noise)));
        assertThat(getBytes("simple/" + name + "/", "Accept", PIP_ACCEPT).statusCode()).isEqualTo(200);
        forgetLocalCopies();
        double before = fastAnswers();

        HttpResponse<byte[]> fast = getBytes("files/" + name + "/" + wheelName(name, "1.0"));
        assertThat(fast.statusCode()).isEqualTo(200);
        assertThat(fast.body()).isEqualTo(wheel);
        assertThat(fastAnswers()).isEqualTo(before + 1);
    }

    @Test
    void deletingAFileRemovesItsObjects() {
        String name = unique("deleted-object");
        publishWheel(spec(name, "1.0"));
        assertThat(storage.keys(PREFIX + "/files/" + name + "/")).hasSize(2);

        HttpResponse<String> deleted = delete("api/v1/projects/" + name + "/files/" + wheelName(name, "1.0"));
        assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(204);
        assertThat(storage.keys(PREFIX + "/files/" + name + "/")).isEmpty();
        assertThat(getBytes("files/" + name + "/" + wheelName(name, "1.0")).statusCode()).isEqualTo(404);
    }

    @Test
    void anObjectNoCommittedUploadOwnsIsNeverServedAndIsSweptAtStart() {
        assertThat(getBytes("files/orphaned/orphaned-1.0-py3-none-any.whl").statusCode()).isEqualTo(404);
        assertThat(get("simple/orphaned/", "Accept", PIP_ACCEPT).statusCode()).isEqualTo(404);
        Eventually.until("the comparison at start removing the orphan", Duration.ofMinutes(1),
                () -> storage.keys(PREFIX + "/files/orphaned/"), List::isEmpty);
    }

    private double fastAnswers() {
        Counter counter = server.bean(MeterRegistry.class)
                .find("assay.index.fast.answers").tag("what", "file").counter();
        return counter == null ? 0 : counter.count();
    }
}
