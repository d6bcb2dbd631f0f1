package dev.assay.server.index.releasediff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.packaging.name.ProjectName;
import dev.assay.packaging.version.Version;
import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PipMirror;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.TwineForms;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * The trust features over real releases: for projects with several versions in the local PyPI mirror, every
 * version's wheels uploaded oldest first as twine sends them, then each release's page, diff page and its diff,
 * behaviour, source and downstream APIs read. All answer 200, and the diff's counts and statuses are those worked
 * out from the two releases' wheels in the test ({@link WheelPaths}). Skipped loudly without a mirror.
 */
abstract class RealReleasesContract {

    /** {@code -Dassay.corpus=all} takes every project of the mirror with two versions (bench/corpus.sh trust). */
    static final String ALL_PROPERTY = "assay.corpus";
    /**
     * The suite's sample: a dist-info folder whose name's spelling changed (Deprecated to deprecated), tags that
     * changed (mistune's py2.py3 to py3), compiled wheels with folder entries (wrapt), and two plain ones.
     */
    static final Set<String> SAMPLE = Set.of("deprecated", "mistune", "tabulate", "wrapt", "zipp");
    private static final long MAX_BYTES = 5L * 1024 * 1024;

    abstract String databaseKind();

    @Test
    void realReleasesReadOnEveryTrustPageAndTheirDiffsCountWhatTheWheelsHold(@TempDir Path temporary)
            throws Exception {
        Map<String, TreeMap<Version, List<Path>>> projects = projectsWithTwoVersions();
        Path data = Files.createDirectories(temporary.resolve("data"));
        Path work = Files.createDirectories(temporary.resolve("work"));
        try (TestDatabase database = TestDatabase.of(databaseKind(), data);
                TestServer server = TestServer.start(data, database, Map.of("server.tomcat.max-part-count", 1000))) {
            String token = uploaderToken(server);
            List<String> problems = new ArrayList<>();
            int releases = 0;
            for (Map.Entry<String, TreeMap<Version, List<Path>>> project : projects.entrySet()) {
                Map<String, String> previous = null;
                for (Map.Entry<Version, List<Path>> release : project.getValue().entrySet()) {
                    for (TwineForms.Form form : TwineForms.of(release.getValue(), work)) {
                        HttpResponse<String> sent = form.send(server.url(), "__token__", token);
                        assertThat(sent.statusCode()).as("%s: %s", form.wheel(), sent.body()).isEqualTo(200);
                    }
                    Map<String, String> files = WheelPaths.digests(release.getValue());
                    String version = release.getValue().get(0).getFileName().toString().split("-")[1];
                    problems.addAll(check(server, project.getKey(), version, previous, files));
                    previous = files;
                    releases++;
                }
            }
            System.out.printf("real releases on %s: %d projects, %d releases read, %d problems%n", databaseKind(),
                    projects.size(), releases, problems.size());
            assertThat(problems).as("what the trust pages and APIs got wrong").isEmpty();
        }
    }

    /** Every page and API of one release; what differs from the wheels, one line each. */
    private static List<String> check(TestServer server, String project, String version, Map<String, String> older,
            Map<String, String> newer) {
        List<String> problems = new ArrayList<>();
        String release = project + "/" + version;
        HttpApi api = HttpApi.anonymous(server.url());
        Map<String, HttpResponse<String>> answers = new TreeMap<>();
        for (String path : List.of("project/" + release + "/", "project/" + release + "/diff",
                "api/v1/projects/" + release + "/diff", "api/v1/projects/" + release + "/behaviour",
                "api/v1/projects/" + release + "/source", "api/v1/projects/" + release + "/downstream")) {
            HttpResponse<String> answer = path.startsWith("api/") ? api.get(path) : new WebSession(server.url()).get(path);
            answers.put(path, answer);
            if (answer.statusCode() != 200) {
                problems.add(path + " answered " + answer.statusCode() + ": " + abbreviated(answer.body()));
            }
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        JsonNode diff = HttpApi.parse(answers.get("api/v1/projects/" + release + "/diff").body());
        Map<String, String> statuses = older == null ? Map.of() : WheelPaths.statuses(older, newer);
        Map<String, WheelPaths.Counts> expected = WheelPaths.counts(statuses);
        Map<String, WheelPaths.Counts> summary = new TreeMap<>();
        diff.get("summary").forEach(kind -> summary.put(kind.get("kind").asString(), new WheelPaths.Counts(
                kind.get("added").asInt(), kind.get("removed").asInt(), kind.get("changed").asInt())));
        if (!summary.equals(expected)) {
            problems.add(release + ": the API counts " + summary + ", the wheels " + expected);
        }
        Map<String, String> listed = new TreeMap<>();
        diff.get("files").forEach(file -> listed.put(file.get("path").asString(), file.get("status").asString()));
        int omitted = diff.get("omittedFiles").asInt();
        if (omitted == 0 ? !listed.equals(statuses) : !statuses.entrySet().containsAll(listed.entrySet())) {
            problems.add(release + ": the API lists " + differences(listed, statuses) + " (" + omitted + " omitted)");
        }
        Document page = Jsoup.parse(answers.get("project/" + release + "/").body());
        Map<String, WheelPaths.Counts> shown = new TreeMap<>();
        for (Element row : page.select("#release-diff-counts tr[data-kind]")) {
            shown.put(row.attr("data-kind"), new WheelPaths.Counts(number(row, "td.added"), number(row, "td.removed"),
                    number(row, "td.changed")));
        }
        if (!shown.equals(expected)) {
            problems.add(release + ": the release page counts " + shown + ", the wheels " + expected);
        }
        Document diffPage = Jsoup.parse(answers.get("project/" + release + "/diff").body());
        int articles = diffPage.select("article.file-diff").size();
        if (articles + omitted != statuses.size()) {
            problems.add(release + ": the diff page shows " + articles + " files and omits " + omitted + ", the wheels "
                    + "differ in " + statuses.size());
        }
        return problems;
    }

    private static int number(Element row, String cell) {
        return Integer.parseInt(row.select(cell).text().strip());
    }

    private static String differences(Map<String, String> listed, Map<String, String> expected) {
        Map<String, String> extra = new TreeMap<>(listed);
        extra.entrySet().removeAll(expected.entrySet());
        Map<String, String> missing = new TreeMap<>(expected);
        missing.entrySet().removeAll(listed.entrySet());
        return abbreviated("extra " + extra + ", missing " + missing);
    }

    private static String abbreviated(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "..." : text;
    }

    /** Per project (normalized name), its wheels per version, oldest first: the sample, or every one with two. */
    private static Map<String, TreeMap<Version, List<Path>>> projectsWithTwoVersions() {
        PipMirror mirror = PipMirror.configured();
        Map<String, TreeMap<Version, List<Path>>> projects = new TreeMap<>();
        for (Path wheel : mirror.wheelsSmallerThan(MAX_BYTES)) {
            String[] parts = wheel.getFileName().toString().split("-");
            Version.tryParse(parts[1]).ifPresent(version -> projects
                    .computeIfAbsent(ProjectName.normalize(parts[0]), name -> new TreeMap<>())
                    .computeIfAbsent(version, any -> new ArrayList<>()).add(wheel));
        }
        projects.values().removeIf(versions -> versions.size() < 2);
        if (!"all".equals(System.getProperty(ALL_PROPERTY))) {
            projects.keySet().retainAll(SAMPLE);
        }
        if (projects.isEmpty()) {
            String why = "no project with two versions of wheels under 5 MB in the local PyPI mirror (" + mirror + ")";
            System.err.println("\n*** SKIPPING THE REAL-RELEASES TRUST TEST: " + why + " ***\n");
            Assumptions.abort(why);
        }
        return projects;
    }

    private static String uploaderToken(TestServer server) {
        server.bean(AccountService.class).create(new NewUser("uploader", "uploader@example.org", "",
                "uploader password", Set.of()));
        return server.bean(TokenService.class).create(new NewToken("uploader", "real releases", null,
                Set.of(TokenScope.UPLOAD))).secret();
    }
}
