package dev.assay.server.upstream.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.util.unit.DataSize;

import dev.assay.server.error.BadGatewayException;
import dev.assay.server.testing.StaticUpstream;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.upstream.QuarantinedFile;
import dev.assay.server.upstream.UpstreamFile;
import dev.assay.server.upstream.UpstreamIndex;
import dev.assay.server.upstream.UpstreamProject;
import dev.assay.server.upstream.config.Upstream;
import dev.assay.server.upstream.config.UpstreamRepository;
import dev.assay.server.upstream.fetch.FakeUpstream.Answer;
import dev.assay.server.upstream.rules.NameRule;
import dev.assay.server.upstream.rules.NameRuleRepository;

/**
 * The upstream index over the page cache, against real HTTP upstreams that count their requests; one server per
 * database, each test with its own upstreams and names; time is a clock the test moves.
 */
abstract class UpstreamIndexContract extends UpstreamIndexFixture {

    @Test
    void listsAJsonUpstreamsFilesAndUsesTheCachedPageWhileFresh() {
        FakeUpstream upstream = fake(10);
        upstream.answer("json-demo", Answer.json(jsonPage("json-demo", "1.0", "2026-01-01T00:00:00Z")));

        UpstreamProject project = index().project("json-demo").orElseThrow();
        clock.move(TTL.minusSeconds(1));
        UpstreamProject again = index().project("json-demo").orElseThrow();

        assertThat(project.upstream().url()).isEqualTo(upstream.url());
        assertThat(project.files()).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("json_demo-1.0-py3-none-any.whl");
            assertThat(file.sha256()).contains(SHA);
            assertThat(file.uploadTime()).contains(Instant.parse("2026-01-01T00:00:00Z"));
        });
        assertThat(project.stale()).isFalse();
        assertThat(again.files()).isEqualTo(project.files());
        assertThat(upstream.requests("json-demo")).isEqualTo(1);
        assertThat(upstream.lastHeaders().getFirst("Accept")).startsWith("application/vnd.pypi.simple.v1+json");
    }

    @Test
    void readsAnHtmlUpstream() {
        FakeUpstream upstream = fake(10);
        upstream.answer("html-demo", Answer.html("<html><body><a href=\"../../files/html_demo-2.0.tar.gz#sha256="
                + SHA + "\" data-requires-python=\"&gt;=3.9\">html_demo-2.0.tar.gz</a></body></html>"));

        UpstreamFile file = index().project("html-demo").orElseThrow().files().get(0);

        assertThat(file.url()).hasToString(upstream.url().replace("/simple/", "/files/html_demo-2.0.tar.gz"));
        assertThat(file.requiresPython()).contains(">=3.9");
        assertThat(file.uploadTime()).isEmpty();
    }

    @Test
    void revalidatesAStalePageWithItsValidatorsAndA304RefreshesIt() {
        FakeUpstream upstream = fake(10);
        String page = jsonPage("etag-demo", "1.0", "2026-01-01T00:00:00Z");
        upstream.answer("etag-demo", headers -> "\"v1\"".equals(headers.getFirst("If-None-Match"))
                && "Sat, 05 Dec 2026 10:00:00 GMT".equals(headers.getFirst("If-Modified-Since"))
                        ? Answer.status(304)
                        : new Answer(200, Map.of("Content-Type", "application/vnd.pypi.simple.v1+json", "ETag", "\"v1\"",
                                "Last-Modified", "Sat, 05 Dec 2026 10:00:00 GMT"), page));

        UpstreamProject first = index().project("etag-demo").orElseThrow();
        clock.move(TTL.plusSeconds(1));
        UpstreamProject revalidated = index().project("etag-demo").orElseThrow();
        clock.move(TTL.minusSeconds(1));
        UpstreamProject cached = index().project("etag-demo").orElseThrow();

        assertThat(upstream.requests("etag-demo")).isEqualTo(2);
        assertThat(revalidated.files()).isEqualTo(first.files());
        assertThat(revalidated.fetchedAt()).isEqualTo(clock.instant().minus(TTL.minusSeconds(1)));
        assertThat(revalidated.stale()).isFalse();
        assertThat(cached.fetchedAt()).isEqualTo(revalidated.fetchedAt());
    }

    @Test
    void servesTheCachedPageAsStaleWhenUpstreamAnswers503OrIsDown() {
        FakeUpstream upstream = fake(10);
        upstream.answer("down-demo", Answer.json(jsonPage("down-demo", "1.0", "2026-01-01T00:00:00Z")));
        UpstreamProject fresh = index().project("down-demo").orElseThrow();

        clock.move(TTL.plusSeconds(1));
        upstream.answer("down-demo", Answer.status(503));
        UpstreamProject stale = index().project("down-demo").orElseThrow();
        upstream.close();
        UpstreamProject refused = index().project("down-demo").orElseThrow();

        assertThat(stale.stale()).isTrue();
        assertThat(stale.files()).isEqualTo(fresh.files());
        assertThat(stale.fetchedAt()).isEqualTo(fresh.fetchedAt());
        assertThat(refused.stale()).isTrue();
        assertThat(refused.files()).isEqualTo(fresh.files());
    }

    @Test
    void servesTheCachedPageAsStaleWhenUpstreamTimesOut() {
        FakeUpstream upstream = fake(10);
        upstream.answer("slow-demo", Answer.json(jsonPage("slow-demo", "1.0", "2026-01-01T00:00:00Z")));
        CachingUpstreamIndex impatient = index(Duration.ofMillis(300), DataSize.ofMegabytes(20));
        impatient.project("slow-demo").orElseThrow();

        clock.move(TTL.plusSeconds(1));
        upstream.answer("slow-demo", headers -> {
            sleep(Duration.ofSeconds(3));
            return Answer.status(200);
        });

        upstream.answer("slow-new", headers -> {
            sleep(Duration.ofSeconds(3));
            return Answer.status(200);
        });

        upstream.stall("slow-body");

        assertThat(impatient.project("slow-demo").orElseThrow().stale()).isTrue();
        assertThatThrownBy(() -> impatient.project("slow-body"))
                .isInstanceOf(BadGatewayException.class)
                .hasMessage("no upstream could list slow-body: upstream " + upstream.url()
                        + " did not send the whole page within 300 ms");
        assertThatThrownBy(() -> impatient.project("slow-new"))
                .isInstanceOf(BadGatewayException.class)
                .hasMessage("no upstream could list slow-new: upstream " + upstream.url() + " timed out after 300 ms");
    }

    @Test
    void aMalformedOrTooLargePageNeverReplacesTheCachedOne() {
        FakeUpstream upstream = fake(10);
        upstream.answer("bad-demo", Answer.json(jsonPage("bad-demo", "1.0", "2026-01-01T00:00:00Z")));
        UpstreamProject fresh = index().project("bad-demo").orElseThrow();

        clock.move(TTL.plusSeconds(1));
        upstream.answer("bad-demo", Answer.json("{\"meta\": {\"api-version\": \"1.0\"}, \"files\": 7}"));
        UpstreamProject afterMalformed = index().project("bad-demo").orElseThrow();
        upstream.answer("bad-demo", Answer.json(jsonPage("bad-demo", "2.0", "2026-01-02T00:00:00Z")
                + " ".repeat(2048)));
        UpstreamProject afterTooLarge = index(Duration.ofSeconds(5), DataSize.ofKilobytes(1)).project("bad-demo")
                .orElseThrow();
        UpstreamPageRepository pages = server.bean(UpstreamPageRepository.class);

        assertThat(afterMalformed.stale()).isTrue();
        assertThat(afterMalformed.files()).isEqualTo(fresh.files());
        assertThat(afterTooLarge.stale()).isTrue();
        assertThat(afterTooLarge.files()).isEqualTo(fresh.files());
        assertThat(pages.find(afterMalformed.upstream().id(), "bad-demo").orElseThrow().fetchedAt())
                .isEqualTo(fresh.fetchedAt());
    }

    @Test
    void aFailingUpstreamWithNothingCachedIsABadGatewayNamingWhatFailed() {
        FakeUpstream broken = fake(10);
        broken.answer("fail-demo", Answer.status(503));
        FakeUpstream malformed = fake(20);
        malformed.answer("fail-demo", Answer.html("not a page"));

        assertThatThrownBy(() -> index().project("fail-demo"))
                .isInstanceOf(BadGatewayException.class)
                .hasMessageContaining("upstream " + broken.url() + " answered 503")
                .hasMessageContaining("upstream " + malformed.url()
                        + " sent a page that is not a Simple Repository API page: it is plain text, not HTML");
    }

    @Test
    void asksUpstreamsByPriorityAndA404MeansAskTheNextRememberedForTheTtl() {
        FakeUpstream second = fake(20);
        FakeUpstream first = fake(10);
        second.answer("prio-demo", Answer.json(jsonPage("prio-demo", "1.0", "2026-01-01T00:00:00Z")));
        FakeUpstream failing = fake(5);
        failing.answer("prio-demo", Answer.status(500));

        UpstreamProject project = index().project("prio-demo").orElseThrow();
        UpstreamProject again = index().project("prio-demo").orElseThrow();
        Optional<UpstreamProject> unknown = index().project("nowhere-demo");
        Optional<UpstreamProject> unknownAgain = index().project("nowhere-demo");

        assertThat(project.upstream().url()).isEqualTo(second.url());
        assertThat(again.upstream().url()).isEqualTo(second.url());
        assertThat(first.requests("prio-demo")).isEqualTo(1);
        assertThat(second.requests("prio-demo")).isEqualTo(1);
        assertThat(failing.requests("prio-demo")).isEqualTo(2);
        assertThat(unknown).isEmpty();
        assertThat(unknownAgain).isEmpty();
        assertThat(first.requests("nowhere-demo")).isEqualTo(1);
        assertThat(second.requests("nowhere-demo")).isEqualTo(1);
    }

    @Test
    void aHostedNameNeverReachesUpstream(@TempDir Path work) throws Exception {
        FakeUpstream upstream = fake(10);
        upstream.answer("hosted-demo", Answer.json(jsonPage("hosted-demo", "9.0", "2026-01-01T00:00:00Z")));
        TestDistributions.Spec spec = new TestDistributions.Spec("hosted-demo", "1.0", List.of("Summary: ours"), "");
        spec.upload(TestDistributions.wheel(work, spec), server.url(), "__token__", token);

        assertThat(index().project("hosted-demo")).isEmpty();
        assertThat(upstream.requests("hosted-demo")).isZero();
    }

    @Test
    void readsTheJsonPageAnotherAssayServes(@TempDir Path work) throws Exception {
        TestDistributions.Spec spec = new TestDistributions.Spec("assay-served", "1.0",
                List.of("Summary: served", "Requires-Python: >=3.8"), "");
        spec.upload(TestDistributions.wheel(work, spec), server.url(), "__token__", token);
        URI page = URI.create(server.url() + "simple/assay-served/");
        HttpResponse<byte[]> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(page)
                .header("Accept", PageParser.ACCEPT).build(), HttpResponse.BodyHandlers.ofByteArray());

        List<UpstreamFile> files = server.bean(PageParser.class).parse(answer.uri(),
                answer.headers().firstValue("Content-Type"), answer.body());

        assertThat(answer.headers().firstValue("Content-Type")).contains("application/vnd.pypi.simple.v1+json");
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.filename()).isEqualTo("assay_served-1.0-py3-none-any.whl");
            assertThat(file.url()).hasToString(server.url() + "files/assay-served/assay_served-1.0-py3-none-any.whl");
            assertThat(file.sha256()).isPresent();
            assertThat(file.requiresPython()).contains(">=3.8");
            assertThat(file.coreMetadata()).hasValueSatisfying(hashes -> assertThat(hashes).containsKey("sha256"));
            assertThat(file.uploadTime()).isPresent();
            assertThat(file.size()).isPresent();
        });
    }

    @Test
    void aReservedNameNeverReachesUpstreamAndAnAllowListAdmitsOnlyItsNames() {
        FakeUpstream upstream = fake(10);
        upstream.answer("reserved-demo", Answer.json(jsonPage("reserved-demo", "1.0", "2026-01-01T00:00:00Z")));
        upstream.answer("allowed-demo", Answer.json(jsonPage("allowed-demo", "1.0", "2026-01-01T00:00:00Z")));
        upstream.answer("outside-demo", Answer.json(jsonPage("outside-demo", "1.0", "2026-01-01T00:00:00Z")));
        NameRuleRepository rules = server.bean(NameRuleRepository.class);
        rules.insert("reserved-*", NameRule.Action.DENY, Optional.of("ours"), Optional.empty(), clock.instant());
        rules.insert("allowed-*", NameRule.Action.ALLOW, Optional.empty(), Optional.empty(), clock.instant());
        rules.insert("reserved-*-x", NameRule.Action.ALLOW, Optional.empty(), Optional.empty(), clock.instant());

        assertThat(index().project("reserved-demo")).isEmpty();
        assertThat(index().project("outside-demo")).isEmpty();
        assertThat(index().project("allowed-demo")).isPresent();
        assertThat(upstream.requests("reserved-demo")).isZero();
        assertThat(upstream.requests("outside-demo")).isZero();
    }

    @Test
    void aNameThatIsNotNormalizedNeverBecomesAnUpstreamUrl() {
        FakeUpstream upstream = fake(10);
        upstream.answer("admin", Answer.json(jsonPage("admin", "1.0", "2026-01-01T00:00:00Z")));

        for (String name : List.of("../admin", "x/../../admin", "Admin", "admin?page=1", "a".repeat(201))) {
            assertThat(index().project(name)).as(name).isEmpty();
        }
        assertThat(upstream.requests("admin")).isZero();
    }

    @Test
    void aValidatorTooLongToKeepIsDroppedAndThePageKept() {
        FakeUpstream upstream = fake(10);
        upstream.answer("etag-long", new Answer(200, Map.of("Content-Type", "application/vnd.pypi.simple.v1+json",
                "ETag", "\"" + "x".repeat(600) + "\"", "Last-Modified", "y".repeat(200)),
                jsonPage("etag-long", "1.0", "2026-01-01T00:00:00Z")));

        UpstreamProject project = index().project("etag-long").orElseThrow();

        CachedPage cached = server.bean(UpstreamPageRepository.class).find(project.upstream().id(), "etag-long")
                .orElseThrow();
        assertThat(cached.files()).isEqualTo(project.files());
        assertThat(cached.etag()).isEmpty();
        assertThat(cached.lastModified()).isEmpty();
    }

    @Test
    void theQuarantineHidesFilesUploadedWithinItsDaysAndFilesWithoutUploadTime() {
        FakeUpstream upstream = fake(10);
        Upstream row = upstream(upstream);
        server.bean(UpstreamRepository.class).update(row.id(), row.priority(), 2, true);
        String yesterday = clock.instant().minus(Duration.ofDays(1)).toString();
        String lastWeek = clock.instant().minus(Duration.ofDays(7)).toString();
        upstream.answer("quarantine-demo", Answer.json("""
                {"meta": {"api-version": "1.1"}, "name": "quarantine-demo", "files": [
                 {"filename": "quarantine_demo-1.0-py3-none-any.whl", "url": "../../f/quarantine_demo-1.0-py3-none-any.whl",
                  "hashes": {}, "upload-time": "%s"},
                 {"filename": "quarantine_demo-2.0-py3-none-any.whl", "url": "../../f/quarantine_demo-2.0-py3-none-any.whl",
                  "hashes": {}, "upload-time": "%s"},
                 {"filename": "quarantine_demo-3.0.tar.gz", "url": "../../f/quarantine_demo-3.0.tar.gz", "hashes": {}}
                ]}""".formatted(lastWeek, yesterday)));

        UpstreamProject project = index().project("quarantine-demo").orElseThrow();

        assertThat(project.files()).extracting(UpstreamFile::filename)
                .containsExactly("quarantine_demo-1.0-py3-none-any.whl");
        assertThat(project.quarantined()).isEqualTo(2);
        Instant uploaded = Instant.parse(yesterday);
        assertThat(project.hidden()).containsExactly(
                new QuarantinedFile("quarantine_demo-2.0-py3-none-any.whl", Optional.of(uploaded),
                        Optional.of(uploaded.plus(Duration.ofDays(2)))),
                new QuarantinedFile("quarantine_demo-3.0.tar.gz", Optional.empty(), Optional.empty()));
        assertThat(project.hidden().get(0).reason(2)).isEqualTo("quarantined until "
                + uploaded.plus(Duration.ofDays(2)) + " (uploaded upstream " + uploaded
                + ", the upstream's quarantine is 2 days)");
    }

    @Test
    void deletingAnUpstreamDeletesItsCachedPages() {
        FakeUpstream upstream = fake(10);
        upstream.answer("cascade-demo", Answer.json(jsonPage("cascade-demo", "1.0", "2026-01-01T00:00:00Z")));
        long id = index().project("cascade-demo").orElseThrow().upstream().id();

        server.bean(UpstreamRepository.class).delete(id);

        assertThat(server.bean(UpstreamPageRepository.class).find(id, "cascade-demo")).isEmpty();
    }

    @Test
    void listsFlasksWheelFromAStaticUpstreamAndServesItStaleWhileItIsStopped(@TempDir Path tree) {
        try (StaticUpstream upstream = StaticUpstream.serve(tree, List.of("flask"))) {
            server.bean(UpstreamRepository.class).insert(upstream.url(), Optional.empty(), Optional.empty(), 10, 0,
                    false, clock.instant());
            String wheel = upstream.files("flask").get(0).getFileName().toString();

            UpstreamProject served = server.bean(UpstreamIndex.class).project("flask").orElseThrow();
            index().project("flask").orElseThrow();
            upstream.stop();
            clock.move(TTL.plusSeconds(1));
            UpstreamProject stale = index().project("flask").orElseThrow();
            upstream.start();
            UpstreamProject back = index().project("flask").orElseThrow();

            assertThat(served.files()).extracting(UpstreamFile::filename).contains(wheel);
            assertThat(served.files()).allSatisfy(file -> {
                assertThat(file.url()).hasToString(upstream.url().replace("/simple/", "/files/") + file.filename());
                assertThat(file.sha256()).isPresent();
            });
            assertThat(stale.stale()).isTrue();
            assertThat(stale.files()).isEqualTo(served.files());
            assertThat(back.stale()).isFalse();
        }
    }
}
