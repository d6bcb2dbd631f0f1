package dev.assay.server.index.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.testing.ObjectStorageServer;
import dev.assay.server.testing.TestServer;

/**
 * About twenty real wheels from the local PyPI mirror uploaded to a server on H2 that keeps its files in an S3
 * bucket (S3Proxy): each accepted wheel is an object of the bucket and downloads from the server unchanged.
 */
class RealWheelsOnObjectStoreTest extends RealWheelsContract {

    private static final String PREFIX = "corpus";
    private static ObjectStorageServer bucket;

    @BeforeAll
    static void startBucket() {
        bucket = ObjectStorageServer.start("real-wheels");
    }

    @AfterAll
    static void stopBucket() throws Exception {
        bucket.close();
    }

    @Override
    String databaseKind() {
        return "h2";
    }

    @Override
    List<Path> sample(List<Path> wheels) {
        return everyNth(wheels, wheels.size() / 20);
    }

    @Override
    Map<String, Object> storage() {
        return bucket.settings(PREFIX);
    }

    @Override
    void checkKept(TestServer server, List<Path> accepted) throws Exception {
        List<String> keys = bucket.keys(PREFIX + "/files/");
        HttpClient http = HttpClient.newHttpClient();
        for (Path wheel : accepted) {
            String filename = wheel.getFileName().toString();
            String project = ProjectName.normalize(filename.substring(0, filename.indexOf('-')));
            assertThat(keys).contains(PREFIX + "/files/" + project + "/" + filename);
            HttpResponse<byte[]> download = http.send(HttpRequest.newBuilder(URI.create(server.url() + "files/"
                    + project + "/" + filename)).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).as(filename).isEqualTo(200);
            assertThat(download.body()).as(filename).isEqualTo(Files.readAllBytes(wheel));
        }
    }
}
