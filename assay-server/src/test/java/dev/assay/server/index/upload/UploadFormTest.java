package dev.assay.server.index.upload;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.index.ProjectService;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.UploadRequest;

/**
 * The upload form as the web server parses it: real forms with many parts pass; a form beyond a limit of the
 * parser, or malformed, is a 400 naming what to fix; only a body too large is a 413.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadFormTest {

    private static final Path MANY_CLASSIFIERS = Path.of("/opt/pypi/files/humanfriendly-10.0-py2.py3-none-any.whl");

    Path data;
    Path work;
    TestDatabase database;
    TestServer server;
    String token;

    @BeforeAll
    void startServer(@TempDir Path temporary) throws Exception {
        UploaderServer uploader = UploaderServer.start(temporary, Map.of("assay.upload.max-file-size", "1MB"));
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
    void twineUploadsARealWheelWithManyClassifiers() {
        Assumptions.assumeTrue(Files.isRegularFile(MANY_CLASSIFIERS),
                "SKIPPED LOUDLY: " + MANY_CLASSIFIERS + " (a wheel with 30 classifiers) is not on this machine");

        PythonTools.Outcome outcome = PythonTools.twineUpload(server.url(), "__token__", token, MANY_CLASSIFIERS);

        outcome.assertSucceeded();
        assertThat(server.bean(ProjectService.class).find("humanfriendly")).isPresent();
    }

    @Test
    void formWithMorePartsThanTheLimitIsA400NamingIt() throws Exception {
        Path wheel = wheel("manyfields");
        UploadRequest upload = UploadRequest.of(wheel, "manyfields", "1.0");
        for (int i = 0; i < 10_000; i++) {
            upload.field("classifiers", "Topic :: Utilities");
        }

        HttpResponse<String> refused = upload.send(server.url(), "__token__", token);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("the limit is 2000 parts");
    }

    @Test
    void fieldLargerThanAFormLimitIsA400NamingIt() throws Exception {
        HttpResponse<String> refused = UploadRequest.of(wheel("longdescription"), "longdescription", "1.0")
                .field("description", "d".repeat(3 * 1024 * 1024)).send(server.url(), "__token__", token);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).as("names the field, or the limit of all fields (2MB) when it is below the file's")
                .containsAnyOf("form field 'description' is larger than the limit", "fields of the upload form");
    }

    @Test
    void partHeaderBeyondTheLimitIsA400NamingIt() throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\":action\"\r\nX-Padding: "
                + "x".repeat(100_000) + "\r\n\r\nfile_upload\r\n--" + boundary + "--\r\n";

        RawHttp answer = post(boundary, body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.response()).isEqualTo(400);
        assertThat(answer.response()).contains("part header");
    }

    @Test
    void veryLongVersionIsNotCalledTooLarge() throws Exception {
        Path wheel = wheel("longversion");
        String version = "1." + "9".repeat(400);

        HttpResponse<String> refused = UploadRequest.of(wheel, "longversion", version)
                .filename("longversion-" + version + "-py3-none-any.whl")
                .send(server.url(), "__token__", token);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).doesNotContain("File too large");
    }

    @Test
    void bodyWithoutItsClosingBoundaryIsA400() throws Exception {
        String boundary = "b0undary";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\nfile_upload\r\n";

        RawHttp answer = post(boundary, body.getBytes(StandardCharsets.UTF_8));

        assertThat(answer.status()).as(answer.response()).isEqualTo(400);
        assertThat(answer.response()).contains("Malformed", "closing boundary");
    }

    @Test
    void contentTypeWithoutBoundaryIsA400() throws Exception {
        byte[] body = "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n".getBytes(StandardCharsets.UTF_8);

        RawHttp answer = RawHttp.send(server.port(), token, "POST /legacy/ HTTP/1.1\r\nContent-Type: multipart/form-data"
                + "\r\nContent-Length: " + body.length, body);

        assertThat(answer.status()).as(answer.response()).isEqualTo(400);
        assertThat(answer.response()).contains("boundary");
    }

    @Test
    void contentLengthShorterThanTheBodyIsA400() throws Exception {
        Path wheel = wheel("shortlength");
        byte[] body = form("b0undary", wheel);

        RawHttp answer = RawHttp.send(server.port(), token, "POST /legacy/ HTTP/1.1\r\nContent-Type: multipart/form-data; "
                + "boundary=b0undary\r\nContent-Length: " + body.length / 2, body);

        assertThat(answer.status()).as(answer.response()).isEqualTo(400);
        assertThat(server.bean(ProjectService.class).find("shortlength")).isEmpty();
    }

    @Test
    void declaredLengthBeyondTheLimitIsA413() throws Exception {
        Path wheel = wheel("hugelength");

        RawHttp answer = RawHttp.send(server.port(), token, "POST /legacy/ HTTP/1.1\r\nContent-Type: multipart/form-data; "
                + "boundary=b0undary\r\nContent-Length: 1000000000000", form("b0undary", wheel));

        assertThat(answer.status()).as(answer.response()).isEqualTo(413);
        assertThat(answer.response()).contains("larger than the limit");
    }

    @Test
    void errorsNameTheUploadedFileNotATemporaryOne() throws Exception {
        byte[] garbage = "not a zip archive at all".getBytes(StandardCharsets.UTF_8);
        Path fake = Files.write(work.resolve("garbage-1.0-py3-none-any.whl"), garbage);

        HttpResponse<String> refused = UploadRequest.of(fake, "garbage", "1.0").send(server.url(), "__token__", token);

        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("garbage-1.0-py3-none-any.whl").doesNotContain(".part");
    }

    private Path wheel(String name) throws Exception {
        return TestDistributions.wheel(work, new TestDistributions.Spec(name, "1.0", List.of(), ""));
    }

    private RawHttp post(String boundary, byte[] body) throws Exception {
        return RawHttp.send(server.port(), token, "POST /legacy/ HTTP/1.1\r\nContent-Type: multipart/form-data; boundary="
                + boundary + "\r\nContent-Length: " + body.length, body);
    }

    private static byte[] form(String boundary, Path wheel) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\":action\"\r\n\r\nfile_upload\r\n--" + boundary
                + "\r\nContent-Disposition: form-data; name=\"content\"; filename=\"" + wheel.getFileName()
                + "\"\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.write(Files.readAllBytes(wheel));
        out.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
