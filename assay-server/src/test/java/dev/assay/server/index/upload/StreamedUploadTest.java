package dev.assay.server.index.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.index.ProjectService;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.UploadRequest;

/**
 * The upload body read as a stream, the file written to its temporary file as it arrives: parts in any order,
 * and every way a body can go wrong while it streams (cut short, over the limit without a Content-Length, the
 * client gone) refused with nothing left behind, in the data directory's scratch space least of all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamedUploadTest {

    private static final String BOUNDARY = "str3am-b0undary";

    Path data;
    Path work;
    TestDatabase database;
    TestServer server;
    String token;

    @BeforeAll
    void startServer(@TempDir Path temporary) throws Exception {
        UploaderServer uploader = UploaderServer.start(temporary, Map.of("assay.upload.max-file-size", "64KB"));
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

    @AfterEach
    void leavesNoTemporaryUploadFile() throws Exception {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(20));
        // a request the client broke off may still be finishing on the server: wait for it, not for a set time
        while (!temporaryUploads().isEmpty() && Instant.now().isBefore(giveUp)) {
            Thread.sleep(50);
        }
        assertThat(temporaryUploads()).isEmpty();
    }

    @Test
    void fieldsAfterTheFilePartAreRead() throws Exception {
        Path wheel = wheel("fileFirst");
        byte[] file = Files.readAllBytes(wheel);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        filePart(body, wheel.getFileName().toString(), file);
        fields(body, Map.of(":action", "file_upload", "protocol_version", "1", "metadata_version", "2.1",
                "name", "fileFirst", "version", "1.0", "filetype", "bdist_wheel", "pyversion", "py3",
                "sha256_digest", UploadRequest.sha256(file)));
        field(body, "classifiers", "Topic :: Utilities");
        field(body, "classifiers", "Programming Language :: Python :: 3");
        closing(body);

        RawHttp answer = post(body.toByteArray());

        assertThat(answer.status()).as(answer.response()).isEqualTo(200);
        assertThat(server.bean(ProjectService.class).find("filefirst")).isPresent();
    }

    @Test
    void bodyCutShortInsideTheFileIsA400LeavingNothing() throws Exception {
        byte[] body = cutOffInsideTheFile(wheel("cutshort"), "cutshort");

        RawHttp answer = post(body);

        assertThat(answer.status()).as(answer.response()).isEqualTo(400);
        assertThat(answer.response()).contains("Malformed", "closing boundary");
        assertThat(server.bean(ProjectService.class).find("cutshort")).isEmpty();
    }

    @Test
    void chunkedBodyOverTheLimitIsA413WhileStreaming() throws Exception {
        byte[] noise = new byte[1024 * 1024];
        new Random(7).nextBytes(noise);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields(body, UploadRequestFields.of("chunked", noise));
        filePart(body, "chunked-1.0-py3-none-any.whl", noise);
        closing(body);

        RawHttp answer = RawHttp.send(server.port(), token, "POST /legacy/ HTTP/1.1\r\nContent-Type: multipart/form-data; "
                + "boundary=" + BOUNDARY + "\r\nTransfer-Encoding: chunked", chunked(body.toByteArray()));

        assertThat(answer.status()).as(answer.response()).isEqualTo(413);
        assertThat(answer.response()).contains("File too large: the limit is 65536 bytes per file");
        assertThat(server.bean(ProjectService.class).find("chunked")).isEmpty();
    }

    @Test
    void clientGoneMidFileLeavesNothing() throws Exception {
        Path wheel = wheel("gone");
        byte[] head = cutOffInsideTheFile(wheel, "gone");

        try (Socket socket = new Socket("127.0.0.1", server.port()); OutputStream out = socket.getOutputStream()) {
            String credentials = Base64.getEncoder().encodeToString(("__token__:" + token).getBytes(StandardCharsets.UTF_8));
            out.write(("POST /legacy/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Basic " + credentials
                    + "\r\nContent-Type: multipart/form-data; boundary=" + BOUNDARY
                    + "\r\nContent-Length: " + (head.length + Files.size(wheel)) + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.write(head);
            out.flush();
        }

        // the temporary file is checked after each test; no row either
        leavesNoTemporaryUploadFile();
        assertThat(server.bean(ProjectService.class).find("gone")).isEmpty();
    }

    @Test
    void fileNameWithANulCharacterIsA400() throws Exception {
        HttpResponse<String> refused = UploadRequest.of(wheel("nulname"), "nulname", "1.0")
                .filename("nulname-1.0.tar.gz\u0000.whl").send(server.url(), "__token__", token);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Invalid file name");
    }

    /** The fields twine sends for a wheel of version 1.0 of {@code name}. */
    private static final class UploadRequestFields {

        static Map<String, String> of(String name, byte[] file) {
            return Map.of(":action", "file_upload", "protocol_version", "1", "name", name, "version", "1.0",
                    "filetype", "bdist_wheel", "pyversion", "py3", "sha256_digest", UploadRequest.sha256(file));
        }
    }

    /** The fields, then the file part's first half: a body that stops inside the file. */
    private static byte[] cutOffInsideTheFile(Path wheel, String name) throws IOException {
        byte[] file = Files.readAllBytes(wheel);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields(body, UploadRequestFields.of(name, file));
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\""
                + wheel.getFileName() + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file, 0, file.length / 2);
        return body.toByteArray();
    }

    private List<Path> temporaryUploads() throws IOException {
        try (Stream<Path> files = Files.walk(data.resolve("tmp"))) {
            return files.filter(file -> file.getFileName().toString().startsWith("upload-")).toList();
        }
    }

    private Path wheel(String name) throws Exception {
        return TestDistributions.wheel(work, new TestDistributions.Spec(name, "1.0", List.of(), ""));
    }

    private RawHttp post(byte[] body) throws Exception {
        return RawHttp.send(server.port(), token, "POST /legacy/ HTTP/1.1\r\nContent-Type: multipart/form-data; boundary="
                + BOUNDARY + "\r\nContent-Length: " + body.length, body);
    }

    private static void fields(ByteArrayOutputStream body, Map<String, String> fields) throws IOException {
        for (Map.Entry<String, String> field : fields.entrySet()) {
            field(body, field.getKey(), field.getValue());
        }
    }

    private static void field(ByteArrayOutputStream body, String name, String value) throws IOException {
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8));
    }

    private static void filePart(ByteArrayOutputStream body, String filename, byte[] file) throws IOException {
        body.write(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(file);
        body.write("\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static void closing(ByteArrayOutputStream body) throws IOException {
        body.write(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
    }

    /** The body in HTTP/1.1 chunks of 8 KB and the last chunk: a request that never declares its length. */
    private static byte[] chunked(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int offset = 0; offset < body.length; offset += 8192) {
            int length = Math.min(8192, body.length - offset);
            out.writeBytes((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body, offset, length);
            out.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.writeBytes("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }
}
