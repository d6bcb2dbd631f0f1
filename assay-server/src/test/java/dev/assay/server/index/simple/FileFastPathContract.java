package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectRole;
import dev.assay.server.index.ProjectService;
import dev.assay.server.testing.TestDistributions;

/**
 * The files' fast path: once a project's page is kept as shared and current, its files and {@code .metadata} files
 * are answered ahead of the full chain with the very headers that chain sends; a private or held project's files
 * never go to an anonymous caller through it, whoever downloaded them before and whatever changed since.
 */
abstract class FileFastPathContract extends IndexFixture {

    /**
     * No in-process pipeline worker: a finished job records its results, which moves the database-wide change serial
     * and sends the next file request down the full chain (rightly, until the page is read again), so the counts of
     * fast-path answers would depend on when earlier tests' jobs end.
     */
    @Override
    Map<String, Object> serverProperties() {
        return Map.of("assay.pipeline.workers", 0);
    }

    private String wheel(String name, String version) {
        return "files/" + name + "/" + ProjectName.escapeForFilename(name) + "-" + version + "-py3-none-any.whl";
    }

    /** How many answers of this kind the fast path gave so far. */
    private double fastAnswers(String what) {
        Counter counter = server.bean(MeterRegistry.class).find("assay.index.fast.answers").tag("what", what)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private HttpResponse<byte[]> getAs(String path, String credentials) {
        return exchange(HttpRequest.newBuilder(uri(path)).header("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString(credentials.getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static Map<String, List<String>> withoutRequestId(HttpResponse<?> response) {
        Map<String, List<String>> headers = new TreeMap<>(response.headers().map());
        headers.keySet().removeIf(key -> key.equalsIgnoreCase("x-request-id") || key.equalsIgnoreCase("date"));
        return headers;
    }

    @Test
    void theFastPathSendsTheFilesAndHeadersOfTheFullChain() {
        String name = unique("fast-files");
        // past the size from which files go out with sendfile, the wheel compressed and its metadata file alike
        byte[] noise = new byte[96 * 1024];
        new Random(15).nextBytes(noise);
        byte[] wheel = publishWheel(new TestDistributions.Spec(name, "1.0", List.of(), HexFormat.of().formatHex(noise)));
        assertThat(wheel.length).isGreaterThan(64 * 1024);
        String file = wheel(name, "1.0");
        // before the page is kept every answer comes from the full chain
        List<HttpResponse<byte[]>> full = List.of(getBytes(file), getBytes(file + ".metadata"), head(file),
                head(file + ".metadata"));
        double files = fastAnswers("file");
        double metadata = fastAnswers("metadata");
        double metadataCount = metadataRequests();

        assertThat(getBytes("simple/" + name + "/", "Accept", PIP_ACCEPT).statusCode()).isEqualTo(200);
        List<HttpResponse<byte[]>> fast = List.of(getBytes(file), getBytes(file + ".metadata"), head(file),
                head(file + ".metadata"));

        assertThat(fastAnswers("file")).isEqualTo(files + 2);
        assertThat(fastAnswers("metadata")).isEqualTo(metadata + 2);
        assertThat(metadataRequests()).isEqualTo(metadataCount + 2);
        for (int i = 0; i < full.size(); i++) {
            assertThat(fast.get(i).statusCode()).isEqualTo(200);
            assertThat(withoutRequestId(fast.get(i))).as(fast.get(i).request().toString())
                    .isEqualTo(withoutRequestId(full.get(i)));
            assertThat(fast.get(i).body()).isEqualTo(full.get(i).body());
            assertThat(header(fast.get(i), "X-Request-Id")).isNotBlank();
        }
        assertThat(fast.get(0).body()).isEqualTo(wheel);
    }

    @Test
    void rangesConditionsAndUnlistedNamesStillGetTheFullChainsAnswers() throws Exception {
        String name = unique("fast-ranged");
        byte[] wheel = publishWheel(spec(name, "1.0"));
        String file = wheel(name, "1.0");
        getBytes("simple/" + name + "/", "Accept", PIP_ACCEPT);
        Path stray = data.resolve("files").resolve(name).resolve(ProjectName.escapeForFilename(name)
                + "-9.9-py3-none-any.whl");
        Files.write(stray, new byte[] {1, 2, 3});
        double files = fastAnswers("file");

        HttpResponse<byte[]> range = getBytes(file, "Range", "bytes=10-19");
        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(Arrays.copyOfRange(wheel, 10, 20));
        assertThat(getBytes(file, "If-None-Match", "\"" + sha256(wheel) + "\"").statusCode()).isEqualTo(304);
        assertThat(getBytes("files/" + name + "/" + stray.getFileName()).statusCode()).isEqualTo(404);
        assertThat(getBytes("files/" + name + "/" + stray.getFileName() + ".metadata").statusCode()).isEqualTo(404);
        assertThat(getBytes("files/" + name.toUpperCase() + "/" + Path.of(file).getFileName()).statusCode())
                .isEqualTo(404);
        assertThat(fastAnswers("file")).isEqualTo(files);
    }

    @Test
    void aPrivateProjectsFilesNeverReachAnonymousCallersThroughTheFastPath() {
        String name = unique("fast-private");
        publishWheel(spec(name, "1.0"));
        String file = wheel(name, "1.0");
        assertThat(getBytes("simple/" + name + "/", "Accept", PIP_ACCEPT).statusCode()).isEqualTo(200);
        assertThat(getBytes(file).statusCode()).isEqualTo(200);

        changeVisibility(name, "private");
        for (String path : List.of(file, file + ".metadata")) {
            assertThat(getBytes(path).statusCode()).as(path).isEqualTo(401);
            // a member reads the page and the file: kept for members only, never for the next anonymous caller
            assertThat(getAs("simple/" + name + "/", "__token__:" + token).statusCode()).isEqualTo(200);
            HttpResponse<byte[]> member = getAs(path, "__token__:" + token);
            assertThat(member.statusCode()).isEqualTo(200);
            assertThat(header(member, "Cache-Control")).contains("private");
            assertThat(getBytes(path).statusCode()).as(path).isEqualTo(401);
            assertThat(head(path).statusCode()).as(path).isEqualTo(401);
            assertThat(getAs(path, "__token__:" + uploaderToken(server)).statusCode()).as(path).isEqualTo(404);
        }

        changeVisibility(name, "public");
        assertThat(getBytes(file).statusCode()).isEqualTo(200);
    }

    @Test
    void aHeldProjectsFilesNeverReachAnonymousCallersThroughTheFastPath() throws Exception {
        String name = unique("fast-held");
        String owner = unique("fast-holder");
        AccountService accounts = server.bean(AccountService.class);
        accounts.create(new NewUser(owner, owner + "@example.org", "", "correct horse", Set.of()));
        String ownerToken = server.bean(TokenService.class)
                .create(new NewToken(owner, "tests", null, Set.of(TokenScope.UPLOAD))).secret();
        ProjectRepository repository = server.bean(ProjectRepository.class);
        repository.insertIfAbsent(name, name, Instant.now(), true);
        Project held = repository.findByNormalizedName(name).orElseThrow();
        repository.setRole(held.id(), accounts.user(owner).id(), ProjectRole.OWNER);
        TestDistributions.Spec spec = spec(name, "1.0");
        spec.upload(TestDistributions.wheel(build, spec), server.url(), "__token__", ownerToken);
        String file = wheel(name, "1.0");

        for (String path : List.of(file, file + ".metadata")) {
            assertThat(getAs("simple/" + name + "/", "__token__:" + ownerToken).statusCode()).isEqualTo(200);
            assertThat(getAs(path, "__token__:" + ownerToken).statusCode()).isEqualTo(200);
            assertThat(getBytes("simple/" + name + "/", "Accept", PIP_ACCEPT).statusCode()).isEqualTo(404);
            assertThat(getBytes(path).statusCode()).as(path).isEqualTo(404);
            assertThat(head(path).statusCode()).as(path).isEqualTo(404);
        }

        server.bean(ProjectService.class).releaseHold(repository.findByNormalizedName(name).orElseThrow());
        // the upload's pipeline may finish between the page and the file and make the kept page stale for a
        // moment (the file then comes the slow way, as it should): a few rounds give the fast path its chance
        boolean fast = false;
        for (int round = 0; round < 5 && !fast; round++) {
            double files = fastAnswers("file");
            assertThat(getBytes("simple/" + name + "/", "Accept", PIP_ACCEPT).statusCode()).isEqualTo(200);
            assertThat(getBytes(file).statusCode()).isEqualTo(200);
            fast = fastAnswers("file") == files + 1;
        }
        assertThat(fast).as("once released, the file is served by the fast path").isTrue();
    }
}
