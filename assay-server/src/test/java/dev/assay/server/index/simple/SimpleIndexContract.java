package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewToken;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.TokenScope;
import dev.assay.server.accounts.TokenService;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.ReleaseRepository;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.UploadRequest;

/** The Simple Repository API and file serving, driven over HTTP after real uploads; run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SimpleIndexContract {

    static final String JSON = "application/vnd.pypi.simple.v1+json";
    static final String HTML = "application/vnd.pypi.simple.v1+html";
    static final String PIP_ACCEPT = JSON + ", " + HTML + "; q=0.1, text/html; q=0.01";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    TestDatabase database;
    TestServer server;
    Path data;
    Path build;
    Pip pip;
    String token;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path data, @TempDir Path build) {
        this.data = data;
        this.build = build;
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        String owner = "uploader" + SEQUENCE.incrementAndGet();
        server.bean(AccountService.class).create(new NewUser(owner, owner + "@example.org", "", "correct horse",
                Set.of()));
        token = server.bean(TokenService.class)
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
        URI target = path.startsWith("http") ? URI.create(path) : URI.create(server.url() + path.replaceFirst("^/", ""));
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET();
        if (headers.length > 0) {
            request.headers(headers);
        }
        try {
            return HTTP.send(request.build(), body);
        } catch (IOException failure) {
            throw new AssertionError("GET " + target + " failed", failure);
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
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.url() + "api/v1/projects/" + project
                        + "/releases/" + version + "/yank"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("__token__:" + token).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    static String normalized(String name) {
        return ProjectName.normalize(name);
    }

    // --- project page, HTML --------------------------------------------------------------------------

    @Test
    void projectPageInHtmlLinksEveryFileWithItsHashRequiresPythonAndMetadataHash() {
        String name = unique("Html_Links");
        TestDistributions.Spec spec = spec(name, "1.0", "Requires-Python: >=3.8,<4");
        byte[] wheel = publishWheel(spec);
        byte[] sdist = publishSdist(spec);

        HttpResponse<String> page = get("simple/" + normalized(name) + "/", "Accept", "text/html");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Type")).isEqualToIgnoringCase("text/html;charset=UTF-8");
        assertThat(header(page, "Vary")).contains("Accept");
        assertThat(page.body()).contains("data-requires-python=\"&gt;=3.8,&lt;4\"");
        Document document = Jsoup.parse(page.body(), page.uri().toString());
        assertThat(document.selectFirst("meta[name=pypi:repository-version]").attr("content")).isEqualTo("1.1");
        List<Element> links = document.select("a");
        assertThat(links).extracting(Element::text).containsExactlyInAnyOrder(
                ProjectName.escapeForFilename(name) + "-1.0-py3-none-any.whl",
                ProjectName.escapeForFilename(name) + "-1.0.tar.gz");
        for (Element link : links) {
            String href = link.absUrl("href");
            String expectedSha = sha256(link.text().endsWith(".whl") ? wheel : sdist);
            assertThat(href).endsWith("#sha256=" + expectedSha);
            byte[] served = getBytes(href.substring(0, href.indexOf('#'))).body();
            assertThat(sha256(served)).isEqualTo(expectedSha);
            assertThat(link.attr("data-requires-python")).isEqualTo(">=3.8,<4");
            assertThat(link.hasAttr("data-yanked")).isFalse();
            byte[] metadata = getBytes(href.substring(0, href.indexOf('#')) + ".metadata").body();
            assertThat(link.attr("data-core-metadata")).isEqualTo("sha256=" + sha256(metadata));
            assertThat(link.attr("data-dist-info-metadata")).isEqualTo(link.attr("data-core-metadata"));
            assertThat(new String(metadata)).contains("Name: " + name, "Requires-Python: >=3.8,<4");
        }
    }

    @Test
    void projectPageMarksFilesOfYankedReleasesWithTheReasonOrAnEmptyValue() {
        String name = unique("yanked-html");
        publishWheel(spec(name, "1.0"));
        publishWheel(spec(name, "2.0"));
        publishWheel(spec(name, "3.0"));
        String etagBefore = header(get("simple/" + name + "/", "Accept", HTML), "ETag");
        yank(name, "1.0", "broken on Windows");
        yank(name, "2.0", null);

        Document document = Jsoup.parse(get("simple/" + name + "/", "Accept", HTML).body());
        Element one = document.selectFirst("a:contains(-1.0-)");
        Element two = document.selectFirst("a:contains(-2.0-)");
        Element three = document.selectFirst("a:contains(-3.0-)");
        assertThat(header(get("simple/" + name + "/", "Accept", HTML), "ETag")).isNotEqualTo(etagBefore);

        assertThat(one.attr("data-yanked")).isEqualTo("broken on Windows");
        assertThat(two.hasAttr("data-yanked")).isTrue();
        assertThat(two.attr("data-yanked")).isEmpty();
        assertThat(three.hasAttr("data-yanked")).isFalse();
        JsonNode files = json(get("simple/" + name + "/", "Accept", JSON)).path("files");
        assertThat(files.get(0).path("yanked").stringValue()).isEqualTo("broken on Windows");
        assertThat(files.get(1).path("yanked").booleanValue()).isTrue();
        assertThat(files.get(2).path("yanked").isBoolean()).isTrue();
        assertThat(files.get(2).path("yanked").booleanValue()).isFalse();
    }

    // --- project page, JSON --------------------------------------------------------------------------

    @Test
    void projectPageInJsonHasEveryKeyOfApiVersionOnePointOne() {
        String name = unique("Json.Keys");
        TestDistributions.Spec first = spec(name, "1.0", "Requires-Python: >=3.8,<4");
        byte[] wheel = publishWheel(first);
        publishWheel(spec(name, "1.10"));
        publishWheel(spec(name, "1.9"));

        HttpResponse<String> page = get("simple/" + normalized(name) + "/", "Accept", PIP_ACCEPT);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(header(page, "Content-Type")).isEqualTo(JSON);
        JsonNode body = json(page);
        assertThat(body.path("meta").path("api-version").stringValue()).isEqualTo("1.1");
        long serial = body.path("meta").path("_last-serial").longValue();
        assertThat(serial).isPositive();
        assertThat(header(page, "X-PyPI-Last-Serial")).isEqualTo(Long.toString(serial));
        assertThat(body.path("name").stringValue()).isEqualTo(normalized(name));
        assertThat(body.path("versions").valueStream().map(JsonNode::stringValue)).containsExactly("1.0", "1.9", "1.10");
        JsonNode file = body.path("files").get(0);
        assertThat(file.path("filename").stringValue()).isEqualTo(ProjectName.escapeForFilename(name)
                + "-1.0-py3-none-any.whl");
        assertThat(file.path("hashes").path("sha256").stringValue()).isEqualTo(sha256(wheel));
        assertThat(file.path("requires-python").stringValue()).isEqualTo(">=3.8,<4");
        assertThat(file.path("yanked").booleanValue()).isFalse();
        assertThat(file.path("size").longValue()).isEqualTo(wheel.length);
        assertThat(file.path("upload-time").stringValue()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{1,6})?Z");
        byte[] metadata = getBytes(URI.create(page.uri().toString()).resolve(file.path("url").stringValue())
                + ".metadata").body();
        assertThat(file.path("core-metadata").path("sha256").stringValue())
                .isEqualTo(sha256(metadata));
        assertThat(file.path("data-dist-info-metadata")).isEqualTo(file.path("core-metadata"));
        assertThat(file.has("dist-info-metadata")).as("the key pip 23.0 crashes on").isFalse();
        byte[] served = getBytes(URI.create(page.uri().toString()).resolve(file.path("url").stringValue()).toString())
                .body();
        assertThat(served).isEqualTo(wheel);
        assertThat(body.path("files").get(1).has("requires-python")).isFalse();
    }

    @Test
    void projectWithoutFilesOrReleasesStillHasAPage() {
        String name = unique("empty");
        long id = server.bean(ProjectRepository.class).insert(name, name, Instant.now());

        JsonNode empty = json(get("simple/" + name + "/", "Accept", JSON));
        assertThat(empty.path("files").isEmpty()).isTrue();
        assertThat(empty.path("versions").isEmpty()).isTrue();

        server.bean(ReleaseRepository.class).insert(id, "0.1", "", null, "Metadata-Version: 2.1\n", Instant.now());
        JsonNode withRelease = json(get("simple/" + name + "/", "Accept", JSON));
        assertThat(withRelease.path("versions").valueStream().map(JsonNode::stringValue)).containsExactly("0.1");
        assertThat(withRelease.path("files").isEmpty()).isTrue();
        assertThat(get("simple/" + name + "/", "Accept", "text/html").statusCode()).isEqualTo(200);
    }

    // --- negotiation ---------------------------------------------------------------------------------

    @Test
    void choosesTheFormatByQualityThenSpecificityAndHonoursFormatParameter() {
        String name = unique("negotiated");
        publishWheel(spec(name, "1.0"));
        String page = "simple/" + name + "/";

        assertThat(contentType(page, "Accept", "text/html;q=0.5, " + JSON + ";q=0.4")).startsWith("text/html");
        assertThat(contentType(page, "Accept", "application/vnd.pypi.simple.latest+json")).isEqualTo(JSON);
        assertThat(contentType(page, "Accept", "application/vnd.pypi.simple.latest+html")).startsWith(HTML);
        assertThat(contentType(page, "Accept", HTML + ", " + JSON + ";q=0.9")).startsWith(HTML);
        assertThat(contentType(page, "Accept", "text/html, */*;q=0.8")).startsWith("text/html");
        assertThat(contentType(page, "Accept", JSON + ";q=0, */*")).startsWith(HTML);
        assertThat(contentType(page)).isEqualTo(JSON);
        assertThat(contentType(page + "?format=" + JSON, "Accept", "text/html")).isEqualTo(JSON);
        assertThat(contentType(page + "?format=text/html", "Accept", JSON)).startsWith("text/html");
        assertThat(contentType("simple/", "Accept", JSON)).isEqualTo(JSON);
    }

    @Test
    void answersNotAcceptableWithAMessageWhenNoFormatFits() {
        String name = unique("refused");
        publishWheel(spec(name, "1.0"));

        HttpResponse<String> byHeader = get("simple/" + name + "/", "Accept", "application/xml");
        HttpResponse<String> byParameter = get("simple/" + name + "/?format=text/plain", "Accept", "text/html");

        assertThat(byHeader.statusCode()).isEqualTo(406);
        assertThat(byHeader.body()).contains(JSON);
        assertThat(byParameter.statusCode()).isEqualTo(406);
        assertThat(byParameter.body()).contains("text/plain");
        assertThat(get("simple/", "Accept", "image/png").statusCode()).isEqualTo(406);
    }

    private String contentType(String path, String... headers) {
        HttpResponse<String> response = get(path, headers);
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return header(response, "Content-Type");
    }

    // --- names, redirects, conditional requests -----------------------------------------------------

    @Test
    void redirectsNamesThatAreNotNormalisedKeepingTheFormat() {
        String name = unique("My_Project.Name");
        publishWheel(spec(name, "1.0"));
        String target = "/simple/" + normalized(name) + "/";

        HttpResponse<String> mixed = get("simple/" + name + "/");
        HttpResponse<String> dotted = get("simple/" + name.toLowerCase() + "?format=" + JSON.replace("+", "%2B"));
        HttpResponse<String> typedPlus = get("simple/" + name + "/?format=" + JSON);
        HttpResponse<String> noSlash = get("simple/" + normalized(name));

        assertThat(mixed.statusCode()).isEqualTo(301);
        assertThat(header(mixed, "Location")).isEqualTo(target);
        assertThat(dotted.statusCode()).isEqualTo(301);
        assertThat(header(dotted, "Location")).isEqualTo(target + "?format=application%2Fvnd.pypi.simple.v1%2Bjson");
        assertThat(header(typedPlus, "Location")).isEqualTo(header(dotted, "Location"));
        assertThat(get(header(dotted, "Location")).headers().firstValue("Content-Type")).contains(JSON);
        assertThat(noSlash.statusCode()).isEqualTo(301);
        assertThat(header(noSlash, "Location")).isEqualTo(target);
        assertThat(get("simple").statusCode()).isEqualTo(301);
    }

    @Test
    void unknownProjectsAreNotFound() {
        assertThat(get("simple/" + unique("nobody") + "/", "Accept", PIP_ACCEPT).statusCode()).isEqualTo(404);
        assertThat(get("simple/-not-a-name-/").statusCode()).isEqualTo(404);
    }

    @Test
    void answersNotModifiedForTheCurrentETagOfTheChosenFormatOnly() {
        String name = unique("etagged");
        publishWheel(spec(name, "1.0"));
        String page = "simple/" + name + "/";
        HttpResponse<String> first = get(page, "Accept", JSON);
        String etag = header(first, "ETag");

        HttpResponse<String> again = get(page, "Accept", JSON, "If-None-Match", etag);
        HttpResponse<String> asHtml = get(page, "Accept", "text/html", "If-None-Match", etag);

        assertThat(etag).startsWith("\"");
        assertThat(header(first, "Cache-Control")).contains("max-age=60", "public");
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
        assertThat(header(again, "ETag")).isEqualTo(etag);
        assertThat(asHtml.statusCode()).isEqualTo(200);
        publishWheel(spec(name, "1.1"));
        HttpResponse<String> afterUpload = get(page, "Accept", JSON, "If-None-Match", etag);
        assertThat(afterUpload.statusCode()).isEqualTo(200);
        assertThat(header(afterUpload, "ETag")).isNotEqualTo(etag);
    }

    @Test
    void projectListNamesEveryProjectInHtmlAndJson() {
        String name = unique("Listed_Project");
        publishWheel(spec(name, "1.0"));

        HttpResponse<String> html = get("simple/", "Accept", "text/html");
        HttpResponse<String> json = get("simple/", "Accept", JSON);

        String shown = server.bean(ProjectService.class).project(name).name();
        Element link = Jsoup.parse(html.body()).selectFirst("a[href=/simple/" + normalized(name) + "/]");
        assertThat(link).isNotNull();
        assertThat(link.text()).isEqualTo(shown);
        JsonNode body = json(json);
        assertThat(body.path("meta").path("api-version").stringValue()).isEqualTo("1.1");
        assertThat(body.path("projects").valueStream().map(project -> project.path("name").stringValue()))
                .contains(shown);
    }

    @Test
    void indexPagesAndFilesCreateNoSession() {
        String name = unique("stateless");
        publishWheel(spec(name, "1.0"));
        String file = "files/" + name + "/" + ProjectName.escapeForFilename(name) + "-1.0-py3-none-any.whl";

        List<HttpResponse<?>> responses = new ArrayList<>(List.of(get("simple/"), get("simple/" + name + "/"),
                get("simple/" + name + "/", "Accept", "text/html"), get("simple/" + unique("missing") + "/"),
                getBytes(file), getBytes(file + ".metadata"), getBytes("files/" + name + "/nothing.whl")));

        assertThat(responses).allSatisfy(response -> assertThat(response.headers().firstValue("Set-Cookie")).isEmpty());
    }

    // --- files ----------------------------------------------------------------------------------------

    @Test
    void servesFilesWithTypeLengthHashETagAndImmutableCaching() {
        String name = unique("served");
        TestDistributions.Spec spec = spec(name, "1.0");
        byte[] wheel = publishWheel(spec);
        byte[] sdist = publishSdist(spec);
        String base = "files/" + name + "/" + ProjectName.escapeForFilename(name) + "-1.0";

        HttpResponse<byte[]> whl = getBytes(base + "-py3-none-any.whl");
        HttpResponse<byte[]> tar = getBytes(base + ".tar.gz");
        HttpResponse<byte[]> metadata = getBytes(base + "-py3-none-any.whl.metadata");

        assertThat(whl.statusCode()).isEqualTo(200);
        assertThat(whl.body()).isEqualTo(wheel);
        assertThat(header(whl, "Content-Type")).isEqualTo("application/zip");
        assertThat(header(whl, "Content-Length")).isEqualTo(Integer.toString(wheel.length));
        assertThat(header(whl, "ETag")).isEqualTo("\"" + sha256(wheel) + "\"");
        assertThat(header(whl, "Cache-Control")).contains("public", "max-age=31536000", "immutable");
        assertThat(header(whl, "Content-Disposition")).isEqualTo("attachment; filename=\""
                + ProjectName.escapeForFilename(name) + "-1.0-py3-none-any.whl\"");
        assertThat(tar.body()).isEqualTo(sdist);
        assertThat(header(tar, "Content-Type")).isEqualTo("application/gzip");
        assertThat(header(metadata, "Content-Type")).isEqualToIgnoringCase("text/plain;charset=UTF-8");
        assertThat(header(metadata, "ETag")).isEqualTo("\"" + sha256(metadata.body()) + "\"");
        assertThat(new String(metadata.body())).startsWith("Metadata-Version: 2.4");
    }

    @Test
    void servesRangesAndAnswersNotModifiedForTheFilesHash() {
        String name = unique("ranged");
        byte[] wheel = publishWheel(spec(name, "1.0"));
        String file = "files/" + name + "/" + ProjectName.escapeForFilename(name) + "-1.0-py3-none-any.whl";

        HttpResponse<byte[]> range = getBytes(file, "Range", "bytes=10-19");
        HttpResponse<byte[]> tail = getBytes(file, "Range", "bytes=-4");
        HttpResponse<byte[]> notModified = getBytes(file, "If-None-Match",
                "\"" + sha256(wheel) + "\"");

        assertThat(range.statusCode()).isEqualTo(206);
        assertThat(range.body()).isEqualTo(java.util.Arrays.copyOfRange(wheel, 10, 20));
        assertThat(header(range, "Content-Range")).isEqualTo("bytes 10-19/" + wheel.length);
        assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(wheel, wheel.length - 4, wheel.length));
        assertThat(notModified.statusCode()).isEqualTo(304);
        HttpResponse<byte[]> head = head(file);
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(header(head, "Content-Length")).isEqualTo(Integer.toString(wheel.length));
        assertThat(head.body()).isEmpty();
    }

    HttpResponse<byte[]> head(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + path))
                    .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    @Test
    void servesOnlyFilesRecordedInTheDatabaseUnderTheirOwnProject() throws IOException {
        String name = unique("guarded");
        String other = unique("other");
        publishWheel(spec(name, "1.0"));
        publishWheel(spec(other, "1.0"));
        String wheel = ProjectName.escapeForFilename(name) + "-1.0-py3-none-any.whl";
        Path stray = data.resolve("files").resolve(name).resolve(ProjectName.escapeForFilename(name)
                + "-9.9-py3-none-any.whl");
        Files.write(stray, new byte[] {1, 2, 3});

        assertThat(getBytes("files/" + name + "/" + wheel).statusCode()).isEqualTo(200);
        assertThat(getBytes("files/" + other + "/" + wheel).statusCode()).isEqualTo(404);
        assertThat(getBytes("files/" + name + "/" + stray.getFileName()).statusCode()).isEqualTo(404);
        assertThat(getBytes("files/" + name + "/" + stray.getFileName() + ".metadata").statusCode()).isEqualTo(404);
        assertThat(getBytes("files/" + name + "/nothing-1.0.tar.gz.metadata").statusCode()).isEqualTo(404);
        assertThat(getBytes("files/" + name + "/..%2F..%2Fdb%2Fassay.mv.db").statusCode()).isIn(400, 404);
        assertThat(getBytes("files/" + name + "/%2E%2E/" + other + "/" + wheel).statusCode()).isIn(400, 404);
    }

    // --- the real client --------------------------------------------------------------------------------

    Pip pip() {
        if (pip == null) {
            pip = Pip.inNewVirtualEnvironment(build.resolve("venv"));
        }
        return pip;
    }

    PythonTools.Outcome pipInstall(Path target, String... requirements) {
        return pip().install(server.url() + "simple/", target, requirements);
    }

    double metadataRequests() {
        return get("actuator/prometheus").body().lines()
                .filter(line -> line.startsWith("assay_index_metadata_requests_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    @Test
    void pipInstallsAPackageAndTheDependencyVersionItsSpecifierChoosesReadingMetadataFiles(@TempDir Path target) {
        String dep = unique("dep");
        String app = unique("App_Lication");
        publishWheel(spec(dep, "1.0"));
        publishWheel(spec(dep, "1.5"));
        publishWheel(spec(dep, "2.0"));
        publishWheel(spec(app, "1.0", "Requires-Python: >=3.7", "Requires-Dist: " + dep + ">=1.0,<2"));
        double metadataBefore = metadataRequests();

        PythonTools.Outcome run = pipInstall(target, app + "==1.0");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Pip.installed(target)).containsExactlyInAnyOrder(
                ProjectName.escapeForFilename(app) + "-1.0", ProjectName.escapeForFilename(dep) + "-1.5");
        if (pip().readsCoreMetadataFromJson()) {
            assertThat(metadataRequests()).as("PEP 658 .metadata files fetched by pip").isGreaterThan(metadataBefore);
        } else {
            System.err.println("\n*** " + pip().version() + " predates PEP 714: it cannot read metadata hashes from "
                    + "JSON pages, so this run does not show .metadata files being fetched ***\n");
        }
    }

    @Test
    void pipRefusesAFileWhoseBytesNoLongerMatchTheHashInTheLink(@TempDir Path target) throws IOException {
        String name = unique("tampered");
        TestDistributions.Spec spec = spec(name, "1.0");
        publishWheel(spec);
        Path stored = data.resolve("files").resolve(name).resolve(ProjectName.escapeForFilename(name)
                + "-1.0-py3-none-any.whl");
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(stored, bytes);

        PythonTools.Outcome run = pipInstall(target, name + "==1.0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).containsIgnoringCase("do not match the hashes");
        assertThat(Pip.installed(target)).isEmpty();
    }

    @Test
    void pipSkipsAYankedReleaseUnlessItsVersionIsPinned(@TempDir Path latest, @TempDir Path pinned) {
        String name = unique("yanked-pip");
        publishWheel(spec(name, "1.0"));
        publishWheel(spec(name, "2.0"));
        yank(name, "2.0", "does not start");
        String stem = ProjectName.escapeForFilename(name);

        PythonTools.Outcome unpinned = pipInstall(latest, name);
        PythonTools.Outcome exact = pipInstall(pinned, name + "==2.0");

        assertThat(unpinned.exitCode()).as(unpinned.output()).isZero();
        assertThat(Pip.installed(latest)).containsExactly(stem + "-1.0");
        assertThat(exact.exitCode()).as(exact.output()).isZero();
        assertThat(Pip.installed(pinned)).containsExactly(stem + "-2.0");
        assertThat(exact.output()).contains("yanked", "does not start");
    }
}
