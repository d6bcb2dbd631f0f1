package dev.assay.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.ObjectStorageServer;

/** The bucket's operations against a real S3Proxy, and the messages a wrong setting gets at start. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectStoreTest {

    private ObjectStorageServer server;

    @BeforeAll
    void start() {
        server = ObjectStorageServer.start("store-tests");
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private ObjectStorageSettings settings(String bucket, String prefix) {
        Map<String, Object> given = server.settings(prefix);
        return new ObjectStorageSettings("s3", bucket, prefix, URI.create((String) given.get("assay.storage.endpoint")),
                "us-east-1", (String) given.get("assay.storage.access-key"),
                (String) given.get("assay.storage.secret-key"));
    }

    @Test
    void putsGetsListsAndDeletesUnderThePrefix(@TempDir Path folder) throws Exception {
        ObjectStore store = new ObjectStore(settings("store-tests", "unit/"));
        Path file = Files.writeString(folder.resolve("a"), "bytes");
        store.put("pipelines/7/1/1/probe/log", file);
        store.put("pipelines/8/2/1/probe/log", file);

        assertThat(server.keys("unit/")).containsExactlyInAnyOrder("unit/pipelines/7/1/1/probe/log",
                "unit/pipelines/8/2/1/probe/log");
        assertThat(store.folders("pipelines/")).containsExactlyInAnyOrder("7", "8");
        assertThat(store.exists("pipelines/7/1/1/probe/log")).isTrue();
        assertThat(store.get("pipelines/7/1/1/probe/log", folder.resolve("copy"))).isTrue();
        assertThat(Files.readString(folder.resolve("copy"), StandardCharsets.UTF_8)).isEqualTo("bytes");
        assertThat(store.get("pipelines/9/missing", folder.resolve("none"))).isFalse();
        assertThat(folder.resolve("none")).doesNotExist();
        assertThat(store.exists("pipelines/9/missing")).isFalse();

        store.deleteAll("pipelines/7/");
        assertThat(store.list("pipelines/")).extracting(StoredObject::name)
                .containsExactly("pipelines/8/2/1/probe/log");
        store.delete("pipelines/8/2/1/probe/log");
        store.delete("pipelines/8/2/1/probe/log");
        assertThat(server.keys("unit/")).isEmpty();
        store.destroy();
    }

    @Test
    void aMissingOrUnreachableBucketStopsTheStartWithWhatToFix() {
        assertThatThrownBy(() -> new ObjectStore(settings(null, "")))
                .hasMessageContaining("no bucket is set").hasMessageContaining("ASSAY_STORAGE_BUCKET");
        assertThatThrownBy(() -> new ObjectStore(settings("no-such-bucket", "")))
                .hasMessageContaining("cannot reach the bucket s3://no-such-bucket/")
                .hasMessageContaining("check assay.storage.bucket");
    }
}
