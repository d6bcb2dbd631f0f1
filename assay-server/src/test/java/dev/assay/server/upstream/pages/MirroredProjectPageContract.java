package dev.assay.server.upstream.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;
import dev.assay.server.upstream.rules.NameRule;
import dev.assay.server.upstream.rules.NameRuleRepository;

/**
 * {@code /project/NAME/} for a name this index does not host but its upstream (another Assay) lists: the versions
 * and files from upstream, saying plainly where they come from, that they are not hosted or reviewed here, and how
 * fresh the copy is; a hosted name keeps its own page, a reserved name says it is reserved. Run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class MirroredProjectPageContract {

    private static final String PASSWORD = "uploader password";

    TestDatabase upstreamDatabase;
    TestDatabase database;
    TestServer upstream;
    TestServer server;

    abstract String databaseKind();

    @BeforeAll
    void startServers(@TempDir Path work) throws Exception {
        Path upstreamData = Files.createDirectories(work.resolve("upstream"));
        upstreamDatabase = TestDatabase.of(databaseKind(), upstreamData);
        upstream = TestServer.start(upstreamData, upstreamDatabase);
        upstream.bean(AccountService.class).create(new NewUser("uma", "uma@example.org", "", PASSWORD, Set.of()));
        upload(upstream, work, "Mirrored_Pkg", "1.0");
        upload(upstream, work, "Mirrored_Pkg", "1.10");
        upload(upstream, work, "Shadowed_Pkg", "9.0");
        upload(upstream, work, "Reserved_Pkg", "1.0");

        Path data = Files.createDirectories(work.resolve("mirror"));
        database = TestDatabase.of(databaseKind(), data);
        // every page is revalidated, so that the last test sees the copy go stale once upstream stops
        server = TestServer.start(data, database, Map.of("assay.upstream.urls[0]", upstream.url() + "simple/",
                "assay.upstream.fetch.page-ttl", "0s"));
        server.bean(AccountService.class).create(new NewUser("uma", "uma@example.org", "", PASSWORD, Set.of()));
        upload(server, work, "Shadowed_Pkg", "1.0");
        server.bean(NameRuleRepository.class).insert("reserved-*", NameRule.Action.DENY,
                Optional.of("our <own> names"), Optional.empty(), Instant.now());
    }

    @AfterAll
    void stopServers() {
        for (AutoCloseable closing : new AutoCloseable[] {server, database, upstream, upstreamDatabase}) {
            try {
                if (closing != null) {
                    closing.close();
                }
            } catch (Exception failure) {
                throw new IllegalStateException(failure);
            }
        }
    }

    @Test
    void aMirroredProjectShowsUpstreamsVersionsAndSaysWhereTheyComeFrom() {
        HttpResponse<String> answer = HttpApi.anonymous(server.url()).get("project/mirrored-pkg/");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Document page = Jsoup.parse(answer.body());

        assertThat(page.select("#project-name").text()).isEqualTo("mirrored-pkg");
        assertThat(page.select("#mirrored").text()).contains("comes from the upstream index " + upstream.url()
                + "simple/", "not hosted or reviewed here");
        assertThat(page.select("#freshness").text()).contains("fetched").doesNotContain("cannot be reached");
        assertThat(page.select("#freshness time").attr("datetime")).isNotBlank();
        assertThat(page.select(".release h3 span:first-child").eachText()).as("newest first, as PEP 440 orders")
                .containsExactly("1.10", "1.0");
        assertThat(page.select("#releases a").eachAttr("href")).containsExactly(
                "/upstream/files/mirrored-pkg/mirrored_pkg-1.10-py3-none-any.whl",
                "/upstream/files/mirrored-pkg/mirrored_pkg-1.0-py3-none-any.whl");
        assertThat(page.select("#pip-install").text()).contains(server.url() + "simple/ mirrored-pkg");
    }

    @Test
    void theCanonicalAddressIsTheNormalizedName() {
        HttpResponse<String> answer = HttpClient.newHttpClient().sendAsync(HttpRequest.newBuilder(
                URI.create(server.url() + "project/Mirrored.Pkg")).build(), HttpResponse.BodyHandlers.ofString()).join();
        assertThat(answer.statusCode()).isEqualTo(301);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).endsWith("/project/mirrored-pkg/");
    }

    @Test
    void aHostedNameKeepsItsOwnPage() {
        Document page = Jsoup.parse(HttpApi.anonymous(server.url()).get("project/shadowed-pkg/").body());

        assertThat(page.select("#release-version").text()).isEqualTo("1.0");
        assertThat(page.select("#mirrored")).isEmpty();
        assertThat(page.text()).doesNotContain("9.0");
    }

    @Test
    void aReservedNameSaysItIsReservedAndAnUnknownOneIsNotFound() {
        HttpResponse<String> reserved = HttpApi.anonymous(server.url()).get("project/reserved-pkg/");
        assertThat(reserved.statusCode()).isEqualTo(404);
        assertThat(Jsoup.parse(reserved.body()).text()).contains("The name 'reserved-pkg' is reserved on this index",
                "our <own> names").doesNotContain("1.0");
        assertThat(reserved.body()).doesNotContain("our <own>");

        assertThat(HttpApi.anonymous(server.url()).get("project/nowhere-at-all/").statusCode()).isEqualTo(404);
        assertThat(HttpApi.anonymous(server.url()).get("project/not%20a%20name/").statusCode()).isEqualTo(404);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void whenUpstreamStopsThePageSaysItShowsTheLastCopy() {
        assertThat(HttpApi.anonymous(server.url()).get("project/mirrored-pkg/").statusCode()).isEqualTo(200);
        upstream.close();
        upstream = null;

        HttpResponse<String> answer = HttpApi.anonymous(server.url()).get("project/mirrored-pkg/");
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        Document page = Jsoup.parse(answer.body());
        assertThat(page.select("#stale").text()).contains("upstream cannot be reached now");
        assertThat(page.select(".release h3 span:first-child").eachText()).containsExactly("1.10", "1.0");

        HttpResponse<String> never = HttpApi.anonymous(server.url()).get("project/never-fetched/");
        assertThat(never.statusCode()).as("nothing cached: the upstream's failure, named").isEqualTo(502);
        assertThat(Jsoup.parse(never.body()).text()).contains("127.0.0.1");
    }

    private static void upload(TestServer target, Path work, String name, String version) throws Exception {
        TestDistributions.Spec spec = new TestDistributions.Spec(name, version, List.of("Summary: " + name), "");
        Path directory = Files.createDirectories(work.resolve("dist-" + target.port() + "-" + name + "-" + version));
        spec.upload(TestDistributions.wheel(directory, spec), target.url(), "uma", PASSWORD);
    }
}
