package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.TestServer;

/** {@link SimpleCacheContract} on PostgreSQL, and a second server on the same database showing the first's changes at once. */
class SimpleCacheOnPostgresTest extends SimpleCacheContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }

    @Test
    void aSecondServerOnTheSameDatabaseShowsEveryUploadAtOnceWithDefaultSettings(@TempDir Path otherData) {
        String name = unique("two-servers");
        publishWheel(spec(name, "1.0"));
        try (TestServer other = TestServer.start(otherData, database)) {
            String page = other.url() + "simple/" + name + "/";
            String list = other.url() + "simple/";
            for (int version = 2; version <= 11; version++) {
                // kept by the other server, and answered from its fast path, before each upload
                for (int read = 0; read < 2; read++) {
                    assertThat(read(page, "gzip")).contains("-" + (version - 1) + ".0-py3")
                            .doesNotContain("-" + version + ".0-py3");
                    assertThat(read(list, "br")).doesNotContain(name + "-later-" + version);
                }
                publishWheel(spec(name, version + ".0"));
                publishWheel(spec(name + "-later-" + version, "1.0"));
                assertThat(read(page, "gzip")).as("the other server's page right after upload %d", version)
                        .contains("-" + version + ".0-py3");
                assertThat(read(list, "br")).as("the other server's list right after upload %d", version)
                        .contains(name + "-later-" + version);
            }
        }
    }

    private static String read(String url, String coding) {
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding",
                coding).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return decode(response);
    }
}
