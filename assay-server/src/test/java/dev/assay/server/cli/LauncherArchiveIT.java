package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.AssayProcess.Server;

/** A class-data archive of the launcher's that is unreadable never stops {@code ./assay serve}: it only costs time. */
class LauncherArchiveIT {

    private final AssayProcess assay = new AssayProcess(Map.of("ASSAY_CDS_DELAY", "3600"));

    @Test
    void serveStartsWithACorruptArchive(@TempDir Path work) throws Exception {
        assertThat(assay.run("", "--version").exitCode()).isZero();   // builds and unpacks the jar
        Path archive = assay.root().resolve("assay-server/target/extracted/serve.jsa");
        Optional<byte[]> before = Files.exists(archive) ? Optional.of(Files.readAllBytes(archive)) : Optional.empty();
        Files.deleteIfExists(archive);
        Files.writeString(archive, "not a class-data archive");
        try (Server server = assay.serve(work.resolve("data"), work.resolve("serve.log"))) {
            HttpResponse<String> simple = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.url() + "simple/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(simple.statusCode()).isEqualTo(200);
        } finally {
            Files.deleteIfExists(archive);
            if (before.isPresent()) {
                Files.write(archive, before.get());
            }
        }
    }
}
