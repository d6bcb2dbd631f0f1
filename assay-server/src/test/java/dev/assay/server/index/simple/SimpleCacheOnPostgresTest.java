package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.Eventually;
import dev.assay.server.testing.TestServer;

/** {@link SimpleCacheContract} on PostgreSQL, and a second server on the same database seeing the first's changes. */
class SimpleCacheOnPostgresTest extends SimpleCacheContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }

    @Test
    void aSecondServerOnTheSameDatabaseSeesAnUploadWithinTheRecheckInterval(@TempDir Path otherData) {
        String name = unique("two-servers");
        publishWheel(spec(name, "1.0"));
        try (TestServer other = TestServer.start(otherData, database)) {
            String page = other.url() + "simple/" + name + "/";
            String list = other.url() + "simple/";
            for (int read = 0; read < 2; read++) {
                assertThat(read(page, "gzip")).contains("-1.0-py3").doesNotContain("-2.0-");
                assertThat(read(list, "br")).contains(name).doesNotContain(name + "-later");
            }
            publishWheel(spec(name, "2.0"));
            publishWheel(spec(name + "-later", "1.0"));
            Eventually.until("the other server's page to show the upload", Duration.ofSeconds(30),
                    () -> read(page, "gzip"), text -> text.contains("-2.0-py3"));
            Eventually.until("the other server's list to show the new project", Duration.ofSeconds(30),
                    () -> read(list, "br"), text -> text.contains(name + "-later"));
        }
    }

    private static String read(String url, String coding) {
        HttpResponse<byte[]> response = exchange(HttpRequest.newBuilder(URI.create(url)).header("Accept-Encoding",
                coding).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        return decode(response);
    }
}
