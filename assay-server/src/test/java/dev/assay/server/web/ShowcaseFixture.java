package dev.assay.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;

import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.testing.Browser;
import dev.assay.server.testing.ForgeFixture;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDistributions;

/**
 * A forge with something on every main page: olive's project {@code demo-kit} with two releases (their contents and
 * their comparison), a source repository holding Python, TOML and Markdown, a change request of max's changing the
 * Python, and the pipelines of the uploads (no worker: they wait in the queue); and olive's project
 * {@code chart-kit}, whose three releases' pipelines finished with the results a worker would send, so that its
 * pages draw health charts.
 */
public abstract class ShowcaseFixture extends ForgeFixture {

    protected static final String PROJECT = "demo-kit";
    /** The project with measured releases: its page and its pipelines page draw health charts. */
    protected static final String CHARTED = "chart-kit";
    /** The releases of {@link #CHARTED} and, for each, its tests passed, failed and skipped and its coverage. */
    protected static final List<String> CHARTED_RELEASES = List.of("1.0", "1.1", "1.2");
    private static final int[][] CHARTED_TESTS = {{10, 1, 2}, {12, 0, 2}, {15, 0, 1}};
    private static final double[] CHARTED_COVERAGE = {70, 75.5, 81};
    static final String CORE = """
            \"\"\"Small numeric helpers.

            Kept in one module so the demo stays short.
            \"\"\"
            import math

            DEFAULT_PRECISION = 3


            def mean(values, precision=DEFAULT_PRECISION):
                \"\"\"The arithmetic mean, rounded.\"\"\"
                if not values:
                    raise ValueError("mean of nothing")  # say what to fix
                return round(sum(values) / len(values), precision)


            class Stats:
                def __init__(self, values):
                    self.values = list(values)

                def spread(self):
                    return math.sqrt(sum((v - mean(self.values)) ** 2 for v in self.values))
            """;
    private static final String DESCRIPTION = """
            # demo-kit

            Small numeric helpers, **tested** on every upload.

            ```python
            from demo_kit.core import mean
            print(mean([1, 2, 3]))
            ```
            """;

    /** One main page: a short name (for files and messages) and its path on the server. */
    public record Page(String name, String path) {
    }

    protected String commit;
    protected long change;
    protected long pipeline;
    /** The pipeline of {@link #CHARTED}'s newest release. */
    protected long chartedPipeline;

    @Override
    protected Map<String, Object> serverProperties() {
        return Map.of("assay.pipeline.workers", 0);
    }

    @BeforeAll
    void buildShowcase() throws IOException, InterruptedException {
        measureChartedProject();
        for (String version : List.of("1.0", "1.1")) {
            TestDistributions.Spec spec = new TestDistributions.Spec(PROJECT, version, List.of(
                    "Summary: Small numeric helpers", "Description-Content-Type: text/markdown",
                    "Requires-Python: >=3.9", "Keywords: statistics,demo"), DESCRIPTION);
            Path directory = Files.createTempDirectory(scratch, "dist");
            spec.upload(TestDistributions.wheel(directory, spec), server.url(), "olive", PASSWORD);
        }
        assertThat(api("olive").put("api/v1/projects/" + PROJECT + "/roles/max", "{\"role\":\"maintainer\"}")
                .statusCode()).isEqualTo(200);

        Path work = scratch.resolve("demo-kit-work");
        git.run(scratch, "init", "-q", "-b", "main", work.toString()).succeeded();
        git.commit(work, "README.md", DESCRIPTION, "Describe the project");
        git.commit(work, "pyproject.toml", "[project]\nname = \"demo-kit\"\nversion = \"1.1\"\n"
                + "requires-python = \">=3.9\"\n\n[build-system]\nrequires = [\"flit_core>=3.9\"]\n"
                + "build-backend = \"flit_core.buildapi\"\n", "Build with flit");
        git.commit(work, "demo_kit/core.py", CORE, "Add the mean and the spread");
        git.run(work, "push", "-q", passwordUrl(PROJECT, "olive"), "main").succeeded();
        git.run(work, "checkout", "-q", "-b", "median").succeeded();
        commit = git.commit(work, "demo_kit/core.py", CORE.replace("DEFAULT_PRECISION = 3", "DEFAULT_PRECISION = 4")
                + "\n\ndef median(values):\n    ordered = sorted(values)\n    return ordered[len(ordered) // 2]\n",
                "Add the median, round to four places");
        git.run(work, "push", "-q", passwordUrl(PROJECT, "max"), "median").succeeded();
        HttpResponse<String> opened = api("max").post("api/v1/projects/" + PROJECT + "/changes",
                "{\"title\":\"Add the median\",\"description\":\"The mean is not *robust*.\",\"source\":\"median\","
                        + "\"target\":\"main\"}");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        change = HttpApi.parse(opened.body()).path("number").asLong();
        HttpResponse<String> pipelines = api("olive").get("api/v1/projects/" + PROJECT + "/releases/1.1/pipelines");
        assertThat(pipelines.statusCode()).as(pipelines.body()).isEqualTo(200);
        pipeline = HttpApi.parse(pipelines.body()).get(0).get("id").asLong();
    }

    /**
     * Uploads {@link #CHARTED}'s releases and finishes each one's pipeline with test counts and coverage, as a worker
     * would report them. Runs first, while its pipeline is the only job waiting, so each claim takes that one.
     */
    private void measureChartedProject() throws IOException, InterruptedException {
        JobQueue queue = server.bean(JobQueue.class);
        for (int i = 0; i < CHARTED_RELEASES.size(); i++) {
            TestDistributions.Spec spec = new TestDistributions.Spec(CHARTED, CHARTED_RELEASES.get(i),
                    List.of("Summary: Charted numeric helpers"), "");
            spec.upload(TestDistributions.wheel(Files.createTempDirectory(scratch, "dist"), spec), server.url(),
                    "olive", PASSWORD);
            ClaimedJob job = queue.claim(WorkerIdentity.inProcess("showcase", "test-host")).orElseThrow();
            assertThat(job.project()).isEqualTo(CHARTED);
            int[] tests = CHARTED_TESTS[i];
            Instant now = Instant.now();
            queue.result(job.jobId(), job.lease(), List.of(
                    new TaskReport("test", tests[1] == 0 ? "passed" : "failed", now.minusSeconds(3 + i), now,
                            1000L * (3 + i), tests[0] + " passed, " + tests[1] + " failed, " + tests[2] + " skipped",
                            List.of(), Map.of("values", Map.of("tests", Map.of("passed", tests[0], "failed",
                                    tests[1], "skipped", tests[2], "errors", 0, "failures", List.of())))),
                    new TaskReport("coverage", "passed", now, now, 0, "coverage " + CHARTED_COVERAGE[i] + "%",
                            List.of(), Map.of("values", Map.of("coverageTotal", CHARTED_COVERAGE[i])))));
            chartedPipeline = job.pipelineId();
        }
    }

    /** The main pages as anyone sees them (the login page first: later pages are seen signed in). */
    protected List<Page> publicPages() {
        return List.of(new Page("login", "login"), new Page("home", ""),
                new Page("search", "search?q=demo"), new Page("project", "project/" + PROJECT + "/"),
                new Page("project-charts", "project/" + CHARTED + "/"),
                new Page("project-pipelines-charts", "project/" + CHARTED + "/pipelines"));
    }

    /** The main pages olive sees once signed in. */
    protected List<Page> signedInPages() {
        String source = "project/" + PROJECT + "/source/";
        return List.of(new Page("home-signed-in", ""),
                new Page("project-signed-in", "project/" + PROJECT + "/"),
                new Page("release", "project/" + PROJECT + "/1.1/"),
                new Page("source-tree", source + "tree/main"),
                new Page("source-file", source + "blob/main/demo_kit/core.py"),
                new Page("commit-diff", source + "commit/" + commit),
                new Page("commit-split-diff", source + "commit/" + commit + "?view=split"),
                new Page("release-contents", "project/" + PROJECT + "/1.1/contents/"),
                new Page("release-file", "project/" + PROJECT + "/1.1/contents/wheel/py3-none-any/demo_kit/__init__.py"),
                new Page("release-compare", "project/" + PROJECT + "/compare/1.0...1.1/contents"),
                new Page("change-request", "changes/" + change),
                new Page("pipeline", "pipelines/" + pipeline),
                new Page("notifications", "notifications"),
                new Page("profile", "profile"));
    }

    /** Signs the browser in as the user. */
    protected static void logIn(Browser browser, String user) {
        browser.go("login").type("username", user).type("password", PASSWORD);
        browser.clickAndWait("form[action$='/login'] button[type=submit]");
    }
}
