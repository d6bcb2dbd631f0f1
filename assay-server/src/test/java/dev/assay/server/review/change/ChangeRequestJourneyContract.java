package dev.assay.server.review.change;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.git.GitCommand;
import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.pipeline.triggers.PushPipelineContract;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;

/**
 * A change request as its people live it, driven with the real git client and real sandboxed pipelines: max pushes
 * a branch and proposes it; rita comments on a line; a second revision leaves that line alone (the thread follows
 * it), a third changes it (the thread is outdated) and breaks a test; the interdiff of revisions 1 and 3 shows
 * exactly what changed between them; the merge is refused while a thread is unresolved, while the latest pipeline
 * is red and without an approval, and succeeds once all three hold; main then has the commit. A push to
 * refs/for/main opens a request and prints its address; with the commit-msg hook installed, an amended commit
 * pushed again becomes its second revision.
 */
public abstract class ChangeRequestJourneyContract extends SandboxedFixture {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String OPS = """
            def mul(a, b):
                return a * b


            def div(a, b):
                return a / b
            """;
    private static final String NEG = """


            def neg(a):
                return -a
            """;

    private GitCommand git;
    private HttpApi reviewer;

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @BeforeAll
    void gitClientAndReviewer() throws IOException {
        git = new GitCommand(Files.createDirectories(data.resolve("git-home")));
        server.bean(AccountService.class).create(new NewUser("rita", "rita@example.org", "", PASSWORD, Set.of()));
        reviewer = new HttpApi(server.url(), "rita", PASSWORD);
    }

    @Test
    void aBranchIsProposedRevisedDiscussedGatedAndMerged() throws Exception {
        String project = newProject();
        Path work = cloned(project);
        PushPipelineContract.writePythonProject(work, project, helperOf(project), "4");
        commitAll(work, "A calculator");
        push(work, project, "HEAD:main");

        git.run(work, "checkout", "-q", "-b", "feature").succeeded();
        Files.writeString(work.resolve("calc/ops.py"), OPS);
        String first = commitAll(work, "Multiply and divide");
        push(work, project, "HEAD:feature");

        HttpResponse<String> opened = maintainer.post("api/v1/projects/" + project + "/changes", """
                {"title": "Multiply and divide", "description": "Adds **ops**.", "source": "feature",
                 "target": "main"}""");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        JsonNode change = HttpApi.parse(opened.body());
        long number = change.get("number").asLong();
        String api = "api/v1/changes/" + number;
        assertThat(change.get("revisions")).hasSize(1);
        assertThat(change.get("revisions").get(0).get("commit").asString()).isEqualTo(first);

        HttpResponse<String> comment = reviewer.post(api + "/threads", """
                {"body": "Should div refuse zero?", "iteration": 1, "path": "calc/ops.py", "line": 5,
                 "side": "new"}""");
        assertThat(comment.statusCode()).as(comment.body()).isEqualTo(201);
        long thread = HttpApi.parse(comment.body()).get("id").asLong();

        Files.writeString(work.resolve("calc/ops.py"), OPS + NEG);
        commitAll(work, "Negate");
        push(work, project, "HEAD:feature");
        revisions(api, 2);
        JsonNode onSecond = threadIn(api, thread, 2);
        assertThat(onSecond.get("placement").asString()).isEqualTo("ported");
        assertThat(onSecond.get("line").asInt()).isEqualTo(5);

        Files.writeString(work.resolve("calc/ops.py"), (OPS + NEG).replace("def div(a, b):", "def div(a, b=1):"));
        PushPipelineContract.writePythonProject(work, project, helperOf(project), "5");
        String third = commitAll(work, "Divide by one unless told otherwise");
        push(work, project, "HEAD:feature");
        revisions(api, 3);
        assertThat(threadIn(api, thread, 3).get("outdated").asBoolean()).isTrue();

        JsonNode interdiff = owner.json(api + "/diff?revision=3&against=1");
        assertThat(paths(interdiff)).containsExactlyInAnyOrder("calc/ops.py", "tests/test_calc.py");
        JsonNode ops = file(interdiff, "calc/ops.py");
        assertThat(ops.get("change").asString()).isEqualTo("modified");
        assertThat(texts(ops, "removed")).containsExactly("def div(a, b):");
        assertThat(texts(ops, "added")).containsExactly("def div(a, b=1):", "", "", "def neg(a):", "    return -a");
        assertThat(texts(file(interdiff, "tests/test_calc.py"), "removed"))
                .containsExactly("        self.assertEqual(add(2, 2), 4)");
        assertThat(file(owner.json(api + "/diff?revision=3"), "calc/ops.py").get("change").asString())
                .as("against the merge base, the file is new").isEqualTo("added");

        assertThat(finishedPipelineOf(project, third).get("status").asString()).isEqualTo("failed");
        assertThat(unmet(api)).containsExactlyInAnyOrder("approvals", "threads-resolved", "pipeline-green");
        HttpResponse<String> refused = owner.post(api + "/merge", "{\"method\": \"merge\"}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        assertThat(refused.body()).contains("approval", "thread", "pipeline");

        assertThat(reviewer.post(api + "/threads/" + thread + "/resolve", "{}").statusCode()).isEqualTo(200);
        HttpResponse<String> vote = reviewer.put(api + "/vote", "{\"vote\": \"approve\"}");
        assertThat(vote.statusCode()).as(vote.body()).isEqualTo(200);
        assertThat(unmet(api)).containsExactly("pipeline-green");
        assertThat(owner.post(api + "/merge", "{\"method\": \"merge\"}").statusCode()).isEqualTo(409);

        PushPipelineContract.writePythonProject(work, project, helperOf(project), "4");
        String fourth = commitAll(work, "Two and two make four again");
        push(work, project, "HEAD:feature");
        revisions(api, 4);
        assertThat(unmet(api)).as("a new revision resets the votes").contains("approvals");
        assertThat(finishedPipelineOf(project, fourth).get("status").asString()).isEqualTo("passed");
        assertThat(reviewer.put(api + "/vote", "{\"vote\": \"approve\"}").statusCode()).isEqualTo(200);
        assertThat(unmet(api)).isEmpty();

        HttpResponse<String> merged = owner.post(api + "/merge", "{\"method\": \"merge\"}");
        assertThat(merged.statusCode()).as(merged.body()).isEqualTo(200);
        JsonNode done = HttpApi.parse(merged.body());
        assertThat(done.get("state").asString()).isEqualTo("merged");
        String mergeCommit = done.get("mergedCommit").asString();
        git.run(work, "fetch", "-q", "origin").succeeded();
        assertThat(git.head(work, "origin/main")).isEqualTo(mergeCommit);
        assertThat(git.run(work, "rev-list", "--parents", "-n", "1", "origin/main").succeeded().output())
                .contains(fourth);
        assertThat(owner.post(api + "/merge", "{}").statusCode()).as("merged once").isEqualTo(409);
    }

    @Test
    void aPushToRefsForMainOpensARequestPrintsItsAddressAndAnAmendedPushAddsARevision() throws Exception {
        String project = newProject();
        Path work = cloned(project);
        git.commit(work, "README.md", "# calc\n", "Start");
        push(work, project, "HEAD:main");
        HttpResponse<String> hook = HttpApi.anonymous(server.url()).get("tools/hooks/commit-msg");
        assertThat(hook.statusCode()).isEqualTo(200);
        Path installed = work.resolve(".git/hooks/commit-msg");
        Files.writeString(installed, hook.body());
        assertThat(installed.toFile().setExecutable(true)).isTrue();
        String proposed = git.commit(work, "NOTES.md", "Notes\n", "Add notes\n\nWhy they help.");

        GitCommand.Outcome pushed = git.run(work, "push", passwordUrl(project, "max"), "HEAD:refs/for/main")
                .succeeded();

        Matcher printed = Pattern.compile("remote: Change request #(\\d+): (\\S+)").matcher(pushed.output());
        assertThat(printed.find()).as(pushed.output()).isTrue();
        long number = Long.parseLong(printed.group(1));
        assertThat(printed.group(2)).isEqualTo(server.url() + "changes/" + number);
        JsonNode change = owner.json("api/v1/changes/" + number);
        assertThat(change.get("title").asString()).isEqualTo("Add notes");
        assertThat(change.get("description").asString()).isEqualTo("Why they help.");
        assertThat(change.get("target").asString()).isEqualTo("main");
        assertThat(change.get("source").isNull()).isTrue();
        assertThat(change.get("revisions").get(0).get("commit").asString()).isEqualTo(proposed);

        Files.writeString(work.resolve("NOTES.md"), "Notes, amended\n");
        git.run(work, "commit", "-q", "-a", "--amend", "--no-edit").succeeded();
        String amended = git.head(work, "HEAD");
        GitCommand.Outcome again = git.run(work, "push", passwordUrl(project, "max"), "HEAD:refs/for/main")
                .succeeded();

        assertThat(again.output()).contains("remote: Change request #" + number + ": revision 2: ");
        assertThat(owner.json("api/v1/changes/" + number).get("revisions")).hasSize(2);
        git.run(work, "fetch", "-q", "origin", "refs/changes/" + number + "/1").succeeded();
        assertThat(git.head(work, "FETCH_HEAD")).as("the first revision is kept").isEqualTo(proposed);
        git.run(work, "fetch", "-q", "origin", "refs/changes/" + number + "/2").succeeded();
        assertThat(git.head(work, "FETCH_HEAD")).isEqualTo(amended);
    }

    private String newProject() {
        String project = "change-" + databaseKind() + "-" + SEQUENCE.incrementAndGet();
        HttpResponse<String> created = owner.post("api/v1/projects", "{\"name\":\"" + project + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        for (String[] role : new String[][] {{"max", "maintainer"}, {"rita", "reviewer"}}) {
            HttpResponse<String> given = owner.put("api/v1/projects/" + project + "/roles/" + role[0],
                    "{\"role\":\"" + role[1] + "\"}");
            assertThat(given.statusCode()).as(given.body()).isEqualTo(200);
        }
        return project;
    }

    /** Uploads the hosted dependency the calculator imports; returns its name. */
    private String helperOf(String project) throws IOException {
        String helper = project + "-helper";
        if (owner.get("simple/" + helper + "/").statusCode() != 200) {
            Path wheel = PythonDistributions.build(Files.createTempDirectory(data, "build"),
                    PythonDistributions.Spec.of(helper, "1.0")).wheel();
            PythonTools.twineUpload(server.url(), "olive", PASSWORD, wheel).assertSucceeded();
        }
        return helper;
    }

    private Path cloned(String project) {
        Path directory = data.resolve("clones").resolve(project);
        git.run(data, "clone", "-q", server.url() + "git/" + project + ".git", directory.toString()).succeeded();
        return directory;
    }

    private void push(Path work, String project, String refspec) {
        git.run(work, "push", "-q", "-f", passwordUrl(project, "max"), refspec).succeeded();
    }

    private String passwordUrl(String project, String user) {
        return "http://" + user + ":" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8).replace("+", "%20")
                + "@127.0.0.1:" + server.port() + "/git/" + project + ".git";
    }

    private String commitAll(Path work, String message) {
        git.run(work, "add", "-A").succeeded();
        git.run(work, "commit", "-q", "-m", message).succeeded();
        return git.head(work, "HEAD");
    }

    /** The change request once it has {@code count} revisions (a branch's push adds one in the background). */
    private JsonNode revisions(String api, int count) {
        return eventually(count + " revisions of " + api, () -> owner.json(api),
                change -> change.get("revisions").size() == count);
    }

    private JsonNode threadIn(String api, long thread, int revision) {
        for (JsonNode candidate : owner.json(api + "/threads?iteration=" + revision).get("threads")) {
            if (candidate.get("id").asLong() == thread) {
                return candidate;
            }
        }
        throw new AssertionError("thread " + thread + " is not listed in revision " + revision);
    }

    private JsonNode finishedPipelineOf(String project, String commit) {
        String path = "api/v1/projects/" + project + "/pipelines?commit=" + commit;
        return eventually("a finished pipeline of " + commit, java.time.Duration.ofMinutes(4), () -> {
            JsonNode all = owner.json(path);
            return all.isEmpty() ? null : all.get(0);
        }, pipeline -> pipeline != null && !pipeline.get("finishedAt").isNull());
    }

    private List<String> unmet(String api) {
        List<String> names = new ArrayList<>();
        for (JsonNode condition : owner.json(api + "/gate").get("conditions")) {
            if (!condition.get("met").asBoolean()) {
                names.add(condition.get("name").asString());
            }
        }
        return names;
    }

    private static List<String> paths(JsonNode diff) {
        List<String> paths = new ArrayList<>();
        diff.get("files").forEach(file -> paths.add(file.get("path").asString()));
        return paths;
    }

    private static JsonNode file(JsonNode diff, String path) {
        for (JsonNode file : diff.get("files")) {
            if (file.get("path").asString().equals(path)) {
                return file;
            }
        }
        throw new AssertionError(path + " is not in the diff: " + diff);
    }

    private static List<String> texts(JsonNode file, String kind) {
        List<String> texts = new ArrayList<>();
        file.get("lines").forEach(line -> {
            if (line.get("kind").asString().equals(kind)) {
                texts.add(line.get("text").asString());
            }
        });
        return texts;
    }
}
