package dev.assay.server.index.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.index.ProjectService;
import dev.assay.server.index.ReleaseRepository;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestDistributions.Spec;
import dev.assay.server.testing.TestServer;

/** PyPI's JSON API over real uploads, run once per database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class PypiJsonContract {

    private static final String PASSWORD = "correct horse battery";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    TestDatabase database;
    TestServer server;
    HttpClient http = HttpClient.newHttpClient();
    Path wheel10;
    Path sdist10;

    abstract String databaseKind();

    @BeforeAll
    void uploadReleases(@TempDir Path data, @TempDir Path build) throws Exception {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        server.bean(AccountService.class).create(new NewUser("alice", "alice@example.org", "", PASSWORD, Set.of()));
        Spec full = spec("Json_Demo", "1.0", List.of("Summary: A demo of the JSON API",
                "Description-Content-Type: text/markdown", "Author: Alice", "Author-email: alice@example.org",
                "License-Expression: MIT", "Keywords: demo,json", "Classifier: Programming Language :: Python :: 3",
                "Classifier: Topic :: Utilities", "Home-page: https://example.org/demo",
                "Project-URL: Source, https://example.org/demo/src", "Requires-Python: >=3.8",
                "Requires-Dist: requests>=2", "Requires-Dist: pytest; extra == \"test\"", "Provides-Extra: test"));
        wheel10 = TestDistributions.wheel(build, full);
        sdist10 = TestDistributions.sdist(build, full);
        full.upload(wheel10, server.url(), "alice", PASSWORD);
        full.upload(sdist10, server.url(), "alice", PASSWORD);
        upload(build, spec("Json_Demo", "1.1", List.of("Summary: yanked later")));
        upload(build, spec("Json_Demo", "2.0b1", List.of("Summary: a pre-release")));
        upload(build, spec("only-pre", "1.0a1", List.of("Summary: nothing final")));
        upload(build, spec("yanked-final", "1.0", List.of("Summary: final but yanked")));
        upload(build, spec("yanked-final", "2.0rc1", List.of("Summary: candidate")));
        yank("Json_Demo", "1.1", "Broken build");
        yank("yanked-final", "1.0", "");
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void projectJsonDescribesTheLatestFinalNonYankedRelease() throws Exception {
        JsonNode info = getJson("pypi/json-demo/json").get("info");

        assertThat(info.get("name").asString()).isEqualTo(server.bean(ProjectService.class).project("json-demo").name());
        assertThat(info.get("version").asString()).as("1.1 is yanked, 2.0b1 a pre-release").isEqualTo("1.0");
        assertThat(info.get("summary").asString()).isEqualTo("A demo of the JSON API");
        assertThat(info.get("description").asString()).contains("# Json_Demo 1.0");
        assertThat(info.get("description_content_type").asString()).isEqualTo("text/markdown");
        assertThat(info.get("author").asString()).isEqualTo("Alice");
        assertThat(info.get("author_email").asString()).isEqualTo("alice@example.org");
        assertThat(info.get("maintainer").isNull()).isTrue();
        assertThat(info.get("license").isNull()).isTrue();
        assertThat(info.get("license_expression").asString()).isEqualTo("MIT");
        assertThat(info.get("keywords").asString()).isEqualTo("demo,json");
        assertThat(strings(info.get("classifiers"))).containsExactly("Programming Language :: Python :: 3",
                "Topic :: Utilities");
        assertThat(info.get("home_page").asString()).isEqualTo("https://example.org/demo");
        assertThat(info.get("project_urls").get("Homepage").asString()).isEqualTo("https://example.org/demo");
        assertThat(info.get("project_urls").get("Source").asString()).isEqualTo("https://example.org/demo/src");
        assertThat(info.get("project_url").asString()).isEqualTo(server.url() + "project/json-demo/");
        assertThat(info.get("package_url").asString()).isEqualTo(server.url() + "project/json-demo/");
        assertThat(info.get("release_url").asString()).isEqualTo(server.url() + "project/json-demo/1.0/");
        assertThat(strings(info.get("requires_dist"))).containsExactly("requests>=2", "pytest; extra == \"test\"");
        assertThat(info.get("requires_python").asString()).isEqualTo(">=3.8");
        assertThat(strings(info.get("provides_extra"))).containsExactly("test");
        assertThat(info.get("yanked").asBoolean()).isFalse();
        assertThat(info.get("yanked_reason").isNull()).isTrue();
        for (String alwaysNull : List.of("docs_url", "bugtrack_url", "platform", "download_url", "dynamic")) {
            assertThat(info.get(alwaysNull).isNull()).as(alwaysNull).isTrue();
        }
    }

    @Test
    void urlsListTheFilesOfTheVersionWithDigestsAndTimes() throws Exception {
        JsonNode answer = getJson("pypi/json-demo/json");
        JsonNode urls = answer.get("urls");

        assertThat(urls.size()).isEqualTo(2);
        JsonNode wheel = urls.get(0);
        JsonNode sdist = urls.get(1);
        assertThat(sdist.get("filename").asString()).isEqualTo("json_demo-1.0.tar.gz");
        assertThat(sdist.get("packagetype").asString()).isEqualTo("sdist");
        assertThat(sdist.get("python_version").asString()).isEqualTo("source");
        assertThat(wheel.get("filename").asString()).isEqualTo("json_demo-1.0-py3-none-any.whl");
        assertThat(wheel.get("packagetype").asString()).isEqualTo("bdist_wheel");
        assertThat(wheel.get("url").asString()).isEqualTo(server.url() + "files/json-demo/json_demo-1.0-py3-none-any.whl");
        assertThat(wheel.get("size").asLong()).isEqualTo(Files.size(wheel10));
        byte[] bytes = Files.readAllBytes(wheel10);
        assertThat(wheel.get("digests").get("sha256").asString()).isEqualTo(digest("SHA-256", bytes));
        assertThat(wheel.get("digests").get("md5").asString()).isEqualTo(digest("MD5", bytes));
        assertThat(wheel.get("md5_digest").asString()).isEqualTo(digest("MD5", bytes));
        assertThat(wheel.get("digests").get("blake2b_256").asString()).hasSize(64);
        assertThat(wheel.get("requires_python").asString()).isEqualTo(">=3.8");
        assertThat(wheel.get("upload_time").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(wheel.get("upload_time_iso_8601").asString())
                .startsWith(wheel.get("upload_time").asString()).endsWith("Z");
        assertThat(wheel.get("yanked").asBoolean()).isFalse();
        assertThat(wheel.get("yanked_reason").isNull()).isTrue();
        assertThat(wheel.get("has_sig").asBoolean()).isFalse();
        assertThat(wheel.get("comment_text").asString()).isEmpty();
        assertThat(answer.get("vulnerabilities").isArray()).isTrue();
        assertThat(answer.get("vulnerabilities").size()).isZero();
        assertThat(answer.get("last_serial").asLong()).isPositive();
    }

    @Test
    void releasesMapEveryVersionNewestFirstWithYankedFilesMarked() throws Exception {
        JsonNode releases = getJson("pypi/json-demo/json").get("releases");

        assertThat(releases.propertyNames()).containsExactly("2.0b1", "1.1", "1.0");
        JsonNode yanked = releases.get("1.1").get(0);
        assertThat(yanked.get("yanked").asBoolean()).isTrue();
        assertThat(yanked.get("yanked_reason").asString()).isEqualTo("Broken build");
        assertThat(releases.get("1.0").size()).isEqualTo(2);
    }

    @Test
    void versionJsonDescribesThatVersionWithoutOtherReleases() throws Exception {
        HttpResponse<String> response = get("pypi/json-demo/1.1/json");
        JsonNode answer = JSON.readTree(response.body());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        assertThat(response.headers().firstValue("X-PyPI-Last-Serial")).isPresent();
        assertThat(answer.has("releases")).isFalse();
        assertThat(answer.get("info").get("version").asString()).isEqualTo("1.1");
        assertThat(answer.get("info").get("yanked").asBoolean()).isTrue();
        assertThat(answer.get("info").get("yanked_reason").asString()).isEqualTo("Broken build");
        assertThat(answer.get("info").get("requires_dist").isNull()).as("null when there are none").isTrue();
        assertThat(answer.get("info").get("project_urls").isNull()).isTrue();
        assertThat(answer.get("urls").get(0).get("filename").asString()).isEqualTo("json_demo-1.1-py3-none-any.whl");
    }

    @Test
    void versionIsFoundByPep440Equality() throws Exception {
        assertThat(getJson("pypi/json-demo/1.0.0/json").get("info").get("version").asString()).isEqualTo("1.0");
        assertThat(getJson("pypi/json-demo/2.0.0b1/json/").get("info").get("version").asString()).isEqualTo("2.0b1");
    }

    @Test
    void latestFallsBackToPreReleasesThenToYankedAsPypiDoes() throws Exception {
        assertThat(getJson("pypi/only-pre/json").get("info").get("version").asString()).isEqualTo("1.0a1");
        assertThat(getJson("pypi/yanked-final/json").get("info").get("version").asString())
                .as("a non-yanked pre-release beats a yanked final release").isEqualTo("2.0rc1");
    }

    @Test
    void nonNormalisedNameRedirectsToTheCanonicalUrl() throws Exception {
        HttpResponse<String> project = get("pypi/Json_Demo/json");
        HttpResponse<String> release = get("pypi/JSON.demo/1.0/json");

        assertThat(project.statusCode()).isEqualTo(301);
        assertThat(project.headers().firstValue("Location")).hasValue(server.url() + "pypi/json-demo/json");
        assertThat(release.statusCode()).isEqualTo(301);
        assertThat(release.headers().firstValue("Location")).hasValue(server.url() + "pypi/json-demo/1.0/json");
    }

    @Test
    void unknownProjectOrVersionIsA404InJson() throws Exception {
        for (String path : List.of("pypi/no-such-project/json", "pypi/json-demo/9.9/json", "pypi/json-demo/not!a!version/json")) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).contains("json"));
            assertThat(JSON.readTree(response.body()).get("detail").asString()).as(path).isNotBlank();
        }
    }

    private static Spec spec(String name, String version, List<String> headers) {
        return new Spec(name, version, headers, "# " + name + " " + version + "\n\nA test project.\n");
    }

    private void upload(Path build, Spec spec) throws Exception {
        spec.upload(TestDistributions.wheel(build, spec), server.url(), "alice", PASSWORD);
    }

    private void yank(String project, String version, String reason) {
        long projectId = server.bean(ProjectService.class).project(project).id();
        ReleaseRepository releases = server.bean(ReleaseRepository.class);
        releases.setYanked(releases.find(projectId, version).orElseThrow().id(), true, reason);
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(server.url() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode getJson(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = get(path);
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    private static String digest(String algorithm, byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }
}
