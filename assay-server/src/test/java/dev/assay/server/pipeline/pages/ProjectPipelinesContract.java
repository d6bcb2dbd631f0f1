package dev.assay.server.pipeline.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.assay.server.git.GitCommand;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.FindingView;
import dev.assay.server.pipeline.PipelineFixture;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.testing.Browser;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * A project's pipelines page and API list, and the pipeline page's re-run button. No in-process worker: the test
 * finishes the jobs it needs finished, so statuses and findings are the test's choosing.
 */
abstract class ProjectPipelinesContract extends PipelineFixture {

    @Override
    protected Map<String, Object> pipelineSettings() {
        return Map.of("assay.pipeline.workers", 0, "assay.pipeline.lease", "1m");
    }

    @Test
    void listPageShowsUploadsAndRerunsNewestFirstWithLinksStatusesAndFilters() throws Exception {
        String project = uploadedProject();
        String wheel = project.replace('-', '_') + "-1.0-py3-none-any.whl";
        long upload = owner.json(pipelines(project)).get(0).get("id").asLong();
        JobQueue queue = server.bean(JobQueue.class);
        ClaimedJob job = claimPipeline(queue, "list-test", upload);
        queue.result(job.jobId(), job.lease(), List.of(errorAndCriticalFindings()));
        HttpResponse<String> rerun = maintainer.post(pipelines(project), "{}");
        assertThat(rerun.statusCode()).as(rerun.body()).isEqualTo(201);
        long manual = HttpApi.parse(rerun.body()).get(0).get("id").asLong();
        WebSession anonymous = new WebSession(server.url());

        Document page = anonymous.page("project/" + project + "/pipelines");

        List<Element> rows = page.select("#pipelines tbody tr");
        assertThat(rows).extracting(row -> row.attr("data-pipeline"))
                .containsExactly(String.valueOf(manual), String.valueOf(upload));
        Element newest = rows.get(0);
        assertThat(newest.selectFirst("a.pipeline-link").attr("href")).isEqualTo("/pipelines/" + manual);
        assertThat(newest.selectFirst(".pipeline-trigger").text()).isEqualTo("manual");
        assertThat(newest.selectFirst(".pipeline-by").text()).isEqualTo("max");
        assertThat(newest.selectFirst(".pipeline-status").classNames()).contains("status", "status-queued");
        assertThat(newest.selectFirst(".pipeline-duration").text()).as("not finished: no duration").isEmpty();
        Element first = rows.get(1);
        assertThat(first.selectFirst(".pipeline-file").text()).isEqualTo(wheel);
        assertThat(first.selectFirst("a.pipeline-release").attr("href")).isEqualTo("/project/" + project + "/1.0/");
        assertThat(first.selectFirst(".pipeline-trigger").text()).isEqualTo("upload");
        assertThat(first.selectFirst(".pipeline-by").text()).isEqualTo("olive");
        assertThat(first.selectFirst(".pipeline-status").text()).isEqualTo("failed");
        assertThat(first.selectFirst(".pipeline-status").classNames()).contains("status-failed");
        assertThat(first.selectFirst(".pipeline-duration").text()).matches("\\d+\\.\\d s");
        assertThat(first.selectFirst(".pipeline-severe").text()).as("an error and a critical, not the warning")
                .isEqualTo("2");
        assertThat(first.selectFirst("time").attr("datetime")).isNotEmpty();
        assertThat(page.select("nav.pager")).as("one page only").isEmpty();
        assertThat(page.select("#filter-trigger option").eachAttr("value"))
                .containsExactly("", "upload", "manual", "push", "downstream");
        assertThat(page.select("#filter-status option").eachAttr("value"))
                .containsExactly("", "queued", "running", "passed", "failed", "error");

        assertThat(ids(anonymous.page("project/" + project + "/pipelines?status=failed")))
                .containsExactly(String.valueOf(upload));
        assertThat(ids(anonymous.page("project/" + project + "/pipelines?trigger=manual&status=")))
                .containsExactly(String.valueOf(manual));
        assertThat(anonymous.page("project/" + project + "/pipelines?status=passed").selectFirst("#no-pipelines")
                .text()).contains("matches these filters");
        assertThat(anonymous.get("project/" + project + "/pipelines?status=nonsense").statusCode()).isEqualTo(400);
        assertThat(anonymous.get("project/" + project + "/pipelines?page=0").statusCode()).isEqualTo(400);
        assertThat(anonymous.get("project/no-such-project/pipelines").statusCode()).isEqualTo(404);

        Element fromProject = anonymous.page("project/" + project + "/").selectFirst("#project-pipelines");
        Element fromPipeline = anonymous.page("pipelines/" + upload).selectFirst("#project-pipelines");
        assertThat(fromProject.attr("href")).isEqualTo("/project/" + project + "/pipelines");
        assertThat(fromPipeline.attr("href")).isEqualTo("/project/" + project + "/pipelines");
    }

    @Test
    void pageAndApiListEveryPipelineAPageAtATime() throws Exception {
        String project = uploadedProject();
        long upload = owner.json(pipelines(project)).get(0).get("id").asLong();
        for (int i = 0; i < 26; i++) {
            assertThat(owner.post(pipelines(project), "{}").statusCode()).isEqualTo(201);
        }
        WebSession anonymous = new WebSession(server.url());
        String list = "project/" + project + "/pipelines";

        Document first = anonymous.page(list);
        Document second = anonymous.page(first.selectFirst("a#older").attr("href"));

        assertThat(ids(first)).hasSize(25);
        assertThat(first.select("a#newer")).isEmpty();
        assertThat(first.selectFirst("#page-number").text()).isEqualTo("Page 1");
        assertThat(ids(second)).hasSize(2).last().isEqualTo(String.valueOf(upload));
        assertThat(second.select("a#older")).isEmpty();
        assertThat(first.selectFirst("a#older").attr("href")).isEqualTo("/" + list + "?page=2");
        assertThat(second.selectFirst("a#newer").attr("href")).isEqualTo("/" + list + "?page=1");
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
        List<Long> all = new ArrayList<>();
        ids(first).forEach(id -> all.add(Long.parseLong(id)));
        ids(second).forEach(id -> all.add(Long.parseLong(id)));
        assertThat(all).as("newest first").isSortedAccordingTo(Comparator.reverseOrder());
        Document filtered = anonymous.page(list + "?trigger=manual");
        assertThat(filtered.selectFirst("a#older").attr("href")).as("paging keeps the filter")
                .isEqualTo("/" + list + "?page=2&trigger=manual");
        assertThat(ids(anonymous.page(filtered.selectFirst("a#older").attr("href")))).hasSize(1)
                .doesNotContain(String.valueOf(upload));

        String api = "api/v1/projects/" + project + "/pipelines";
        JsonNode apiFirst = stranger.json(api);
        JsonNode apiSecond = stranger.json(api + "?page=2");
        assertThat(apiFirst.size()).isEqualTo(25);
        assertThat(apiFirst.get(0).get("id").asLong()).isEqualTo(all.get(0));
        assertThat(apiFirst.get(0).get("tasks").isArray()).isTrue();
        assertThat(apiSecond.size()).isEqualTo(2);
        assertThat(apiSecond.get(1).get("id").asLong()).isEqualTo(upload);
        assertThat(apiSecond.get(1).get("trigger").asString()).isEqualTo("upload");
        assertThat(stranger.json(api + "?page=3").size()).isZero();
        assertThat(stranger.json(api + "?trigger=upload").size()).isEqualTo(1);
        assertThat(stranger.json(api + "?status=queued&page=2").size()).isEqualTo(2);
        assertThat(stranger.get(api + "?page=0").statusCode()).isEqualTo(400);
        assertThat(stranger.get(api + "?trigger=cron").statusCode()).isEqualTo(400);
        assertThat(stranger.get(api + "?trigger=cron").body()).contains("not a pipeline trigger");
    }

    @Test
    void aPrivateProjectsPipelinesAreNotFoundForOutsiders() throws Exception {
        String project = uploadedProject();
        makePrivate(project);
        WebSession outsider = new WebSession(server.url());
        outsider.logIn("sam", PASSWORD);
        WebSession member = new WebSession(server.url());
        member.logIn("max", PASSWORD);
        String page = "project/" + project + "/pipelines";
        String api = "api/v1/projects/" + project + "/pipelines";

        assertThat(outsider.get(page).statusCode()).isEqualTo(404);
        assertThat(outsider.get(page).body()).doesNotContain(project.replace('-', '_'));
        assertThat(new WebSession(server.url()).get(page).statusCode()).isEqualTo(404);
        assertThat(member.get(page).statusCode()).isEqualTo(200);
        assertThat(ids(member.page(page))).hasSize(1);
        assertThat(stranger.get(api).statusCode()).isEqualTo(404);
        assertThat(HttpApi.anonymous(server.url()).get(api).statusCode()).isEqualTo(401);
        assertThat(maintainer.json(api).size()).isEqualTo(1);
    }

    @Test
    void theRerunButtonIsForOwnersAndMaintainersAndQueuesTheSameFile() throws Exception {
        String project = uploadedProject();
        String wheel = project.replace('-', '_') + "-1.0-py3-none-any.whl";
        long upload = owner.json(pipelines(project)).get(0).get("id").asLong();
        String path = "pipelines/" + upload;
        WebSession asOwner = signedIn("olive");
        WebSession asMaintainer = signedIn("max");
        WebSession asStranger = signedIn("sam");

        assertThat(asOwner.page(path).select("form#rerun button")).hasSize(1);
        assertThat(asMaintainer.page(path).select("form#rerun button")).hasSize(1);
        assertThat(asStranger.page(path).select("form#rerun")).isEmpty();
        assertThat(new WebSession(server.url()).page(path).select("form#rerun")).isEmpty();

        HttpResponse<String> landed = asMaintainer.submit(path, "form#rerun", Map.of());

        assertThat(landed.statusCode()).as(landed.body()).isEqualTo(200);
        long rerun = pipelineIdOf(landed.uri());
        assertThat(rerun).isGreaterThan(upload);
        JsonNode queued = owner.json("api/v1/pipelines/" + rerun);
        assertThat(queued.get("trigger").asString()).isEqualTo("manual");
        assertThat(queued.get("requestedBy").asString()).isEqualTo("max");
        assertThat(queued.get("filename").asString()).isEqualTo(wheel);
        assertThat(queued.get("version").asString()).isEqualTo("1.0");
        assertThat(Jsoup.parse(landed.body()).selectFirst("#pipeline-id").text())
                .isEqualTo(String.valueOf(rerun));

        long before = number("SELECT COUNT(*) FROM pipelines");
        String token = csrfToken(asStranger, path);
        HttpResponse<String> byStranger = asStranger.post(path + "/rerun", Map.of("_csrf", token));
        HttpResponse<String> withoutCsrf = asOwner.post(path + "/rerun", Map.of());
        HttpResponse<String> anonymous = new WebSession(server.url()).post(path + "/rerun", Map.of());
        WebSession signedOut = new WebSession(server.url());
        String signedOutToken = signedOut.page("login").selectFirst("input[name=_csrf]").attr("value");
        HttpResponse<String> toLogIn = signedOut.post(path + "/rerun", Map.of("_csrf", signedOutToken));
        HttpResponse<String> unknown = asOwner.post("pipelines/999999999/rerun", Map.of("_csrf", csrfToken(asOwner, path)));

        assertThat(byStranger.statusCode()).isEqualTo(403);
        assertThat(byStranger.body()).contains("not an owner or maintainer");
        assertThat(withoutCsrf.statusCode()).isEqualTo(403);
        assertThat(anonymous.statusCode()).isEqualTo(403);
        assertThat(toLogIn.uri().getPath()).as("signed out, with a token: asked to log in").isEqualTo("/login");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(number("SELECT COUNT(*) FROM pipelines")).as("no refused POST queued a pipeline").isEqualTo(before);

        makePrivate(project);
        HttpResponse<String> hidden = asStranger.post(path + "/rerun", Map.of("_csrf", token));
        assertThat(hidden.statusCode()).as("a private project stays secret").isEqualTo(404);
    }

    @Test
    void theRerunButtonQueuesTheSameCommitAndRef() throws Exception {
        String project = "pipe-commit-" + databaseKind();
        Clone clone = clonedNewProject(project);
        GitCommand git = clone.git();
        Path work = clone.work();
        String commit = git.commit(work, "a.txt", "one\n", "One");
        git.run(work, "push", "-q", clone.pushUrl(), "main").succeeded();
        String commits = "api/v1/projects/" + project + "/pipelines?commit=" + commit;
        long pushed = eventually("the push's pipeline", () -> owner.json(commits),
                list -> list.size() == 1).get(0).get("id").asLong();

        Document list = new WebSession(server.url()).page("project/" + project + "/pipelines");
        Element row = list.selectFirst("#pipelines tbody tr");
        assertThat(row.selectFirst("a.pipeline-commit").attr("href"))
                .isEqualTo("/project/" + project + "/source/commit/" + commit);
        assertThat(row.selectFirst("a.pipeline-commit").text()).isEqualTo(commit.substring(0, 10));
        assertThat(row.selectFirst(".pipeline-ref").text()).isEqualTo("refs/heads/main");
        assertThat(row.selectFirst(".pipeline-trigger").text()).isEqualTo("push");

        try (Browser browser = Browser.open(server.url(), Files.createTempDirectory(data, "chromium"))) {
            browser.go("login").type("username", "olive").type("password", PASSWORD);
            browser.clickAndWait("form[action$='/login'] button");
            browser.go("pipelines/" + pushed);
            browser.clickAndWait("form#rerun button");

            long rerun = pipelineIdOf(URI.create(browser.driver().getCurrentUrl()));
            assertThat(rerun).isGreaterThan(pushed);
            assertThat(browser.find("#pipeline-id").getText()).isEqualTo(String.valueOf(rerun));
            assertThat(browser.find("#pipeline-commit").getText()).isEqualTo(commit);
            assertThat(browser.find("#pipeline-ref").getText()).isEqualTo("refs/heads/main");
        }
        JsonNode again = owner.json(commits);
        assertThat(again.size()).isEqualTo(2);
        assertThat(again.get(0).get("trigger").asString()).isEqualTo("manual");
        assertThat(again.get(0).get("requestedBy").asString()).isEqualTo("olive");
        assertThat(again.get(0).get("gitRef").asString()).isEqualTo("refs/heads/main");
    }

    private WebSession signedIn(String user) {
        WebSession session = new WebSession(server.url());
        HttpResponse<String> login = session.logIn(user, PASSWORD);
        assertThat(login.uri().getPath()).as("signed in as " + user).isEqualTo("/profile");
        return session;
    }

    /** The session's CSRF token, from the log-out form every signed-in page carries. */
    private static String csrfToken(WebSession session, String path) {
        return session.page(path).selectFirst("form[action$=/logout] input[name=_csrf]").attr("value");
    }

    private static long pipelineIdOf(URI page) {
        assertThat(page.getPath()).matches("/pipelines/\\d+");
        return Long.parseLong(page.getPath().substring("/pipelines/".length()));
    }

    private static List<String> ids(Document page) {
        return page.select("#pipelines tbody tr").eachAttr("data-pipeline");
    }

    /** A failed metadata result with a warning, an error and a critical finding. */
    private static TaskReport errorAndCriticalFindings() {
        Instant now = Instant.now();
        return new TaskReport("metadata", "failed", now.minusMillis(1500), now, 1500, "failed on purpose",
                List.of(new FindingView("warning", "test/w", "a warning", null),
                        new FindingView("error", "test/e", "an error", null),
                        new FindingView("critical", "test/c", "a critical", null)), Map.of());
    }
}
