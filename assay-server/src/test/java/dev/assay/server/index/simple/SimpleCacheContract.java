package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectRole;
import dev.assay.server.index.ProjectService;

/**
 * The kept index pages, read over HTTP: every kind of change shows at once on the project page and the project list,
 * in HTML and JSON, in every content-coding; restricted projects never reach the wrong caller through them; 304s;
 * any {@code Accept-Encoding}. Each page is read twice before a change, so the second answer comes from the cache.
 */
abstract class SimpleCacheContract extends IndexFixture {

    private static final List<String> FORMATS = List.of(HTML, JSON);
    private static final List<String> CODINGS = List.of("identity", "gzip", "br");

    /** The page's text in every format and coding, each read twice (kept, then served from the cache). */
    private void assertEveryForm(String path, java.util.function.Predicate<String> expectation, String what) {
        for (String format : FORMATS) {
            String identity = null;
            for (String coding : CODINGS) {
                for (int read = 0; read < 2; read++) {
                    HttpResponse<byte[]> page = getBytes(path, "Accept", format, "Accept-Encoding", coding);
                    assertThat(page.statusCode()).as(path + " " + format + " " + coding).isEqualTo(200);
                    String text = decode(page);
                    assertThat(expectation.test(text)).as(what + ": " + path + " " + format + " " + coding + "\n" + text)
                            .isTrue();
                    assertThat(text).isEqualTo(identity == null ? text : identity);
                    identity = text;
                }
            }
        }
    }

    static String decode(HttpResponse<byte[]> response) {
        String coding = header(response, "Content-Encoding");
        try {
            byte[] body = response.body();
            if ("gzip".equals(coding)) {
                body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
            } else if ("br".equals(coding)) {
                Brotli4jLoader.ensureAvailability();
                body = Decoder.decompress(body).getDecompressedData();
            } else {
                assertThat(coding).isNull();
            }
            return new String(body, StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private HttpResponse<String> call(String method, String path, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method,
                HttpRequest.BodyPublishers.noBody());
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return exchange(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void uploadsYanksAndDeletionsShowAtOnceOnKeptProjectPagesInEveryFormatAndCoding() {
        String name = unique("cached-page");
        String path = "simple/" + name + "/";
        publishWheel(spec(name, "1.0"));
        assertEveryForm(path, text -> text.contains("-1.0-py3-none-any.whl") && !text.contains("-2.0-"), "first file");

        publishWheel(spec(name, "2.0"));
        assertEveryForm(path, text -> text.contains("-2.0-py3-none-any.whl"), "upload");

        yank(name, "2.0", "broken");
        assertEveryForm(path, text -> text.contains("broken"), "yank");
        assertThat(call("DELETE", "api/v1/projects/" + name + "/releases/2.0/yank", "__token__:" + token).statusCode())
                .isEqualTo(200);
        assertEveryForm(path, text -> !text.contains("broken"), "un-yank");

        publishSdist(spec(name, "2.0"));
        assertEveryForm(path, text -> text.contains("-2.0.tar.gz"), "sdist");
        String file = name.replace('-', '_') + "-2.0.tar.gz";
        assertThat(call("DELETE", "api/v1/projects/" + name + "/files/" + file, "__token__:" + token).statusCode())
                .isEqualTo(204);
        assertEveryForm(path, text -> !text.contains("-2.0.tar.gz") && text.contains("-2.0-py3"), "file deletion");
        assertThat(call("DELETE", "api/v1/projects/" + name + "/releases/2.0", "__token__:" + token).statusCode())
                .isEqualTo(204);
        assertEveryForm(path, text -> !text.contains("-2.0") && text.contains("-1.0-py3"), "release deletion");
    }

    @Test
    void theKeptProjectListShowsNewProjectsAndVisibilityChangesAtOnce() {
        String name = unique("listed");
        assertEveryForm("simple/", text -> !text.contains(name), "before creation");
        publishWheel(spec(name, "1.0"));
        assertEveryForm("simple/", text -> text.contains("/simple/" + name + "/") || text.contains("\"" + name + "\""),
                "creation");

        changeVisibility(name, "private");
        assertEveryForm("simple/", text -> !text.contains(name), "made private");
        assertThat(get("simple/" + name + "/").statusCode()).isEqualTo(401);
        changeVisibility(name, "public");
        assertEveryForm("simple/", text -> text.contains(name), "made public again");
        assertEveryForm("simple/" + name + "/", text -> text.contains(name), "page public again");
    }

    @Test
    void aPrivateProjectServedToItsMemberIsNeverServedToAnonymousCallersOrOtherUsers() {
        String name = unique("secret-page");
        publishWheel(spec(name, "1.0"));
        assertEveryForm("simple/" + name + "/", text -> text.contains(name), "public");
        changeVisibility(name, "private");
        String stranger = "__token__:" + uploaderToken(server);
        for (String format : FORMATS) {
            for (String coding : CODINGS) {
                HttpResponse<byte[]> member = sendAs(name, format, coding, "__token__:" + token);
                assertThat(member.statusCode()).isEqualTo(200);
                assertThat(header(member, "Cache-Control")).contains("private");
                assertThat(decode(member)).contains(name);
                assertThat(sendAs(name, format, coding, null).statusCode()).isEqualTo(401);
                assertThat(sendAs(name, format, coding, stranger).statusCode()).isEqualTo(404);
            }
        }
        HttpResponse<String> memberList = call("GET", "simple/", "__token__:" + token);
        assertThat(memberList.body()).contains(name);
        assertThat(get("simple/").body()).doesNotContain(name);
        assertThat(call("GET", "simple/", stranger).body()).doesNotContain(name);
    }

    private HttpResponse<byte[]> sendAs(String name, String format, String coding, String credentials) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri("simple/" + name + "/")).header("Accept", format)
                .header("Accept-Encoding", coding);
        if (credentials != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return exchange(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void aHeldProjectIsServedOnlyToItsMembersUntilItsHoldIsLifted() {
        String name = unique("held-page");
        String owner = unique("holder");
        AccountService accounts = server.bean(AccountService.class);
        accounts.create(new NewUser(owner, owner + "@example.org", "", "correct horse", Set.of()));
        String ownerToken = "__token__:" + server.bean(TokenService.class)
                .create(new NewToken(owner, "tests", null, Set.of(TokenScope.UPLOAD))).secret();
        ProjectRepository repository = server.bean(ProjectRepository.class);
        assertEveryForm("simple/", text -> !text.contains(name), "before the held project");
        repository.insertIfAbsent(name, name, Instant.now(), true);
        Project held = repository.findByNormalizedName(name).orElseThrow();
        repository.setRole(held.id(), accounts.user(owner).id(), ProjectRole.OWNER);

        for (String format : FORMATS) {
            assertThat(sendAs(name, format, "gzip", ownerToken).statusCode()).isEqualTo(200);
            assertThat(sendAs(name, format, "gzip", null).statusCode()).isEqualTo(404);
            assertThat(sendAs(name, format, "gzip", "__token__:" + token).statusCode()).isEqualTo(404);
        }
        assertEveryForm("simple/", text -> !text.contains(name), "held");
        assertThat(call("GET", "simple/", ownerToken).body()).contains(name);

        server.bean(ProjectService.class).releaseHold(held);
        assertEveryForm("simple/", text -> text.contains(name), "released");
        assertEveryForm("simple/" + name + "/", text -> text.contains(name), "released page");
    }

    @Test
    void conditionalRequestsAnswer304WithTheETagOfTheirCoding() {
        String name = unique("etags");
        publishWheel(spec(name, "1.0"));
        for (String path : List.of("simple/" + name + "/", "simple/")) {
            for (String format : FORMATS) {
                getBytes(path, "Accept", format);
                String identity = header(getBytes(path, "Accept", format), "ETag");
                String gzip = header(getBytes(path, "Accept", format, "Accept-Encoding", "gzip"), "ETag");
                String brotli = header(getBytes(path, "Accept", format, "Accept-Encoding", "br"), "ETag");
                assertThat(Set.of(identity, gzip, brotli)).hasSize(3);
                HttpResponse<byte[]> notModified = getBytes(path, "Accept", format, "Accept-Encoding", "gzip",
                        "If-None-Match", gzip);
                assertThat(notModified.statusCode()).isEqualTo(304);
                assertThat(header(notModified, "ETag")).isEqualTo(gzip);
                assertThat(header(notModified, "Vary")).isEqualTo("Accept, Accept-Encoding");
                assertThat(getBytes(path, "Accept", format, "If-None-Match", "W/" + identity).statusCode())
                        .isEqualTo(304);
                assertThat(getBytes(path, "Accept", format, "Accept-Encoding", "gzip", "If-None-Match", identity)
                        .statusCode()).isEqualTo(200);
            }
        }
        String before = header(getBytes("simple/" + name + "/", "Accept", JSON, "Accept-Encoding", "br"), "ETag");
        publishWheel(spec(name, "2.0"));
        assertThat(getBytes("simple/" + name + "/", "Accept", JSON, "Accept-Encoding", "br", "If-None-Match", before)
                .statusCode()).isEqualTo(200);
    }

    @Test
    void anyAcceptEncodingIsAnsweredWithAStoredCodingNeverAnError() {
        String name = unique("codings");
        publishWheel(spec(name, "1.0"));
        record Case(String header, String coding) {
        }
        List<Case> cases = List.of(new Case("gzip, deflate, br", "br"), new Case("gzip;q=1, br;q=0.5", "gzip"),
                new Case("br;q=0", "identity"), new Case("*", "br"), new Case("*;q=0", "identity"),
                new Case("identity;q=0", "identity"), new Case("x-gzip", "gzip"), new Case("GZIP", "gzip"),
                new Case("gzip;q=abc", "identity"), new Case("gzip;q=2", "identity"), new Case("gzip;q=NaN", "identity"),
                new Case(",,,;;;", "identity"), new Case("deflate", "identity"), new Case("br;q=0.5;x=y , gzip", "gzip"),
                new Case("gzip ; q=0.3, identity;q=0.2", "gzip"), new Case(";q=1", "identity"), new Case("q=1", "identity"));
        for (String path : List.of("simple/" + name + "/", "simple/")) {
            for (Case tried : cases) {
                for (int read = 0; read < 2; read++) {
                    HttpResponse<byte[]> page = getBytes(path, "Accept-Encoding", tried.header());
                    assertThat(page.statusCode()).as(tried.header()).isEqualTo(200);
                    assertThat(header(page, "Content-Encoding")).as(tried.header())
                            .isEqualTo(tried.coding().equals("identity") ? null : tried.coding());
                    assertThat(decode(page)).contains(path.equals("simple/") ? "/simple/" + name + "/" : name);
                }
            }
        }
    }

    @Test
    void theFastPathSendsTheHeadersOfTheNormalPath() {
        String name = unique("headers");
        publishWheel(spec(name, "1.0"));
        for (String path : List.of("simple/" + name + "/", "simple/")) {
            // the first request goes down the whole chain and keeps the page; the second is answered from it
            HttpResponse<byte[]> first = getBytes(path, "Accept", PIP_ACCEPT, "Accept-Encoding", "gzip");
            HttpResponse<byte[]> second = getBytes(path, "Accept", PIP_ACCEPT, "Accept-Encoding", "gzip");
            assertThat(withoutRequestId(second)).isEqualTo(withoutRequestId(first));
            assertThat(second.body()).isEqualTo(first.body());
            assertThat(header(second, "X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(header(second, "X-Frame-Options")).isEqualTo("DENY");
            assertThat(header(second, "Content-Encoding")).isEqualTo("gzip");
            assertThat(header(second, "Content-Type")).isEqualTo(JSON);
        }
    }

    private static java.util.Map<String, List<String>> withoutRequestId(HttpResponse<?> response) {
        java.util.Map<String, List<String>> headers = new java.util.TreeMap<>(response.headers().map());
        headers.keySet().removeIf(key -> key.equalsIgnoreCase("x-request-id") || key.equalsIgnoreCase("date"));
        return headers;
    }
}
