package dev.assay.server.index.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.index.ProjectService;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonDistributions.Built;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.UploadRequest;

/** The size limits per file and per project, and an upload cut off half-way. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadLimitsTest {

    Path data;
    Path work;
    TestDatabase database;
    TestServer server;
    String token;

    @BeforeAll
    void startServer(@TempDir Path temporary) throws Exception {
        UploaderServer uploader = UploaderServer.start(temporary,
                Map.of("assay.upload.max-file-size", "6KB", "assay.upload.max-project-size", "4KB"));
        data = uploader.data();
        work = uploader.work();
        database = uploader.database();
        server = uploader.server();
        token = uploader.token();
    }

    @AfterAll
    void stopServer() {
        server.close();
        database.close();
    }

    @Test
    void fileOverTheSizeLimitIsRefused() throws Exception {
        Built big = PythonDistributions.build(work, Spec.of("bigfile", "1.0").withDescription(noise(20_000), "text/plain"));

        HttpResponse<String> refused = UploadRequest.of(big.sdist(), "bigfile", "1.0").send(server.url(), "__token__", token);

        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("File too large: the limit is 6144 bytes per file");
        assertThat(server.bean(ProjectService.class).find("bigfile")).isEmpty();
    }

    @Test
    void uploadsBeyondTheProjectLimitAreRefused() throws Exception {
        Built first = PythonDistributions.build(work, Spec.of("growing", "1.0").withDescription(noise(1_500), "text/plain"));
        Built second = PythonDistributions.build(work, Spec.of("growing", "2.0").withDescription(noise(1_500), "text/plain"));
        long stored = 0;
        int accepted = 0;
        int refused = 0;

        for (Path file : List.of(first.wheel(), first.sdist(), second.wheel(), second.sdist())) {
            String version = file.getFileName().toString().contains("-1.0") ? "1.0" : "2.0";
            HttpResponse<String> response = UploadRequest.of(file, "growing", version).send(server.url(), "__token__", token);
            if (stored + Files.size(file) <= 4096) {
                assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
                stored += Files.size(file);
                accepted++;
            } else {
                assertThat(response.statusCode()).isEqualTo(400);
                assertThat(response.body()).contains("Project size too large", "at most 4096 bytes");
                assertThat(data.resolve("files/growing").resolve(file.getFileName().toString())).doesNotExist();
                refused++;
            }
        }

        assertThat(accepted).isPositive();
        assertThat(refused).isPositive();
    }

    @Test
    void uploadCutOffHalfWayLeavesNothing() throws Exception {
        Built built = PythonDistributions.build(work, Spec.of("cutoff", "1.0"));
        byte[] body = Files.readAllBytes(built.wheel());
        String boundary = "cut-off-boundary";
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\nfile_upload\r\n"
                + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                + built.wheel().getFileName() + "\"\r\n\r\n";

        try (Socket socket = new Socket("127.0.0.1", server.port()); OutputStream out = socket.getOutputStream()) {
            String credentials = java.util.Base64.getEncoder().encodeToString(("__token__:" + token)
                    .getBytes(StandardCharsets.UTF_8));
            out.write(("POST /legacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary
                    + "\r\nContent-Length: " + (head.length() + body.length + 100) + "\r\n\r\n" + head)
                    .getBytes(StandardCharsets.UTF_8));
            out.write(body, 0, body.length / 2);
            out.flush();
        }

        Thread.sleep(500);
        assertThat(server.bean(ProjectService.class).find("cutoff")).isEmpty();
        assertThat(data.resolve("files/cutoff")).doesNotExist();
        try (Stream<Path> leftovers = Files.walk(data.resolve("tmp"))) {
            assertThat(leftovers.filter(file -> file.getFileName().toString().startsWith("upload-"))).isEmpty();
        }
    }

    /** Text that does not compress, so the archive is about as large as the text. */
    private static String noise(int length) {
        Random random = new Random(length);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append((char) ('a' + random.nextInt(26)));
            if (i % 70 == 69) {
                text.append('\n');
            }
        }
        return text.toString();
    }
}
