package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.UploadRequest;

/** A server with an uploader's token, helpers to publish real files and read the index over HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class IndexFixture {

    static final String JSON = "application/vnd.pypi.simple.v1+json";
    static final String HTML = "application/vnd.pypi.simple.v1+html";
    static final String PIP_ACCEPT = JSON + ", " + HTML + "; q=0.1, text/html; q=0.01";
    /** What uv sends. */
    static final String UV_ACCEPT = JSON + ", " + HTML + ";q=0.2, text/html;q=0.01";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    TestDatabase database;
    TestServer server;
    Path data;
    Path build;
    String token;

    abstract String databaseKind();

    /** Spring properties the suite's server starts with. */
    Map<String, Object> serverProperties() {
        return Map.of();
    }

    @BeforeAll
    void startServer(@TempDir Path data, @TempDir Path build) {
        this.data = data;
        this.build = build;
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database, serverProperties());
        token = uploaderToken(server);
    }

    /** A new user of {@code server} and an upload token of theirs. */
    static String uploaderToken(TestServer server) {
        String owner = "uploader" + SEQUENCE.incrementAndGet();
        server.bean(AccountService.class).create(new NewUser(owner, owner + "@example.org", "", "correct horse",
                Set.of()));
        return server.bean(TokenService.class)
                .create(new NewToken(owner, "tests", null, Set.of(TokenScope.UPLOAD))).secret();
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    static String unique(String stem) {
        return stem + "-" + SEQUENCE.incrementAndGet();
    }

    /** A distribution with these core metadata headers ("Requires-Python: >=3.8"). */
    static TestDistributions.Spec spec(String name, String version, String... headers) {
        return new TestDistributions.Spec(name, version, List.of(headers), "");
    }

    /** Builds and uploads a wheel for the spec, as twine would with an API token; returns its bytes. */
    byte[] publishWheel(TestDistributions.Spec spec) {
        return publish(spec, true);
    }

    byte[] publishSdist(TestDistributions.Spec spec) {
        return publish(spec, false);
    }

    private byte[] publish(TestDistributions.Spec spec, boolean wheel) {
        try {
            Path file = wheel ? TestDistributions.wheel(build, spec) : TestDistributions.sdist(build, spec);
            spec.upload(file, server.url(), "__token__", token);
            return Files.readAllBytes(file);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    static String sha256(byte[] bytes) {
        return UploadRequest.sha256(bytes);
    }

    HttpResponse<String> get(String path, String... headers) {
        return send(path, HttpResponse.BodyHandlers.ofString(), headers);
    }

    HttpResponse<byte[]> getBytes(String path, String... headers) {
        return send(path, HttpResponse.BodyHandlers.ofByteArray(), headers);
    }

    <T> HttpResponse<T> send(String path, HttpResponse.BodyHandler<T> body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        return exchange(request.build(), body);
    }

    HttpResponse<byte[]> head(String path) {
        return exchange(HttpRequest.newBuilder(uri(path)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    URI uri(String path) {
        return URI.create(path.startsWith("http") ? path : server.url() + path.replaceFirst("^/", ""));
    }

    static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
        try {
            return HTTP.send(request, body);
        } catch (IOException failure) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    static JsonNode json(HttpResponse<String> response) {
        return MAPPER.readTree(response.body());
    }

    static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Yanks a release through the management API, as an owner would. */
    void yank(String project, String version, String reason) {
        String body = reason == null ? "{}" : "{\"reason\": \"" + reason + "\"}";
        String path = "api/v1/projects/" + project + "/releases/" + version + "/yank";
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("__token__:" + token).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    /** Changes a project's visibility through the management API, as an owner would. */
    void changeVisibility(String project, String visibility) {
        HttpRequest request = HttpRequest.newBuilder(uri("api/v1/projects/" + project + "/visibility"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("__token__:" + token).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"visibility\":\"" + visibility + "\"}")).build();
        HttpResponse<String> response = exchange(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    static String normalized(String name) {
        return ProjectName.normalize(name);
    }

    /** How many .metadata files were served so far, as Prometheus reads it. */
    double metadataRequests() {
        return get("actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("assay_index_metadata_requests_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }
}
