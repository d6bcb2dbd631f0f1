package dev.assay.server.review.change.gate;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.junit.jupiter.api.BeforeAll;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.change.ChangeRequestRepository;
import dev.assay.server.review.change.ChangeRequests;
import dev.assay.server.review.change.Revision;
import dev.assay.server.review.packagereview.RecordedNotices;
import dev.assay.server.testing.Eventually;
import dev.assay.server.testing.ForgeFixture;
import dev.assay.server.testing.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * A server whose pushed commits get real pipelines (passing unless the commit's {@code VERDICT} says fail), the
 * owner olive, maintainer max, reviewer rita, stranger sam and administrator ada, the real git client, and per
 * test a project whose {@code main} olive pushed.
 */
abstract class MergeFixture extends ForgeFixture {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    /** A project's repository and a work tree of it, on {@code main}. */
    record Repo(String project, Path work) {
    }

    HttpApi olive;
    HttpApi max;
    HttpApi rita;
    HttpApi sam;
    HttpApi ada;
    HttpApi anonymous;

    @Override
    protected Map<String, Object> serverProperties() {
        return Map.of("assay.pipeline.workers", 1, "assay.pipeline.poll", "100ms", "assay.pipeline.heartbeat", "500ms",
                "assay.pipeline.lease", "30s");
    }

    @Override
    protected Class<?>[] extraBeans() {
        return new Class<?>[] {VerdictTasks.class, RecordedNotices.class};
    }

    @BeforeAll
    void clients() {
        olive = api("olive");
        max = api("max");
        rita = api("rita");
        sam = api("sam");
        ada = api("ada");
        anonymous = HttpApi.anonymous(server.url());
    }

    /** A new project of olive's (max maintains it, rita reviews it) whose main has {@code a.txt}. */
    Repo newRepository() {
        String project = "merge-" + databaseKind() + "-" + SEQUENCE.incrementAndGet();
        assertThat(olive.post("api/v1/projects", "{\"name\":\"" + project + "\"}").statusCode()).isEqualTo(201);
        assertThat(olive.put("api/v1/projects/" + project + "/roles/max", "{\"role\":\"maintainer\"}").statusCode())
                .isEqualTo(200);
        assertThat(olive.put("api/v1/projects/" + project + "/roles/rita", "{\"role\":\"reviewer\"}").statusCode())
                .isEqualTo(200);
        Path work = scratch.resolve(project);
        git.run(scratch, "clone", "-q", server.url() + "git/" + project + ".git", work.toString()).succeeded();
        Repo repo = new Repo(project, work);
        git.commit(work, "a.txt", "one\ntwo\nthree\n", "First commit");
        push(repo, "main");
        return repo;
    }

    /** Pushes the refspec as olive. */
    void push(Repo repo, String refspec) {
        git.run(repo.work(), "push", "-q", passwordUrl(repo.project(), "olive"), refspec).succeeded();
    }

    /** Commits a file on the branch (made from main when new) and pushes it; returns the commit. */
    String commitOn(Repo repo, String branch, String file, String content, String message) {
        boolean exists = git.run(repo.work(), "rev-parse", "--verify", "-q", "refs/heads/" + branch).exitCode() == 0;
        git.run(repo.work(), exists ? new String[] {"checkout", "-q", branch}
                : new String[] {"checkout", "-q", "-b", branch, "main"}).succeeded();
        String commit = git.commit(repo.work(), file, content, message);
        push(repo, branch);
        git.run(repo.work(), "checkout", "-q", "main").succeeded();
        return commit;
    }

    /** Opens a change request of max's from the branch into main; returns its number. */
    long open(Repo repo, String branch, String title) {
        return server.bean(ChangeRequests.class).open(caller("max"), project(repo),
                ChangeRequests.Opening.fromBranch(title, "What it does.\n", branch, "main")).number();
    }

    /**
     * The change request's revision of the commit, once the push of its branch (by olive) has added it: a push to a
     * source branch is heard in the background.
     */
    Revision pushedRevision(long number, String commit) {
        return eventually("a revision of " + commit, () -> server.bean(ChangeRequestRepository.class)
                .latestRevision(number).orElse(null), revision -> revision != null && revision.commit().equals(commit));
    }

    /** Sets the gate of main as olive; fails unless accepted. */
    void configure(Repo repo, String json) {
        HttpResponse<String> put = olive.put("api/v1/projects/" + repo.project() + "/merge-gates/main", json);
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    }

    JsonNode gate(long number) {
        return olive.json("api/v1/changes/" + number + "/gate");
    }

    /** The condition named so in a gate's JSON. */
    static JsonNode condition(JsonNode gate, String name) {
        for (JsonNode condition : gate.get("conditions")) {
            if (condition.get("name").asString().equals(name)) {
                return condition;
            }
        }
        throw new AssertionError("no condition " + name + " in " + gate);
    }

    /** The commit the branch of the server's repository points at, fetched with git. */
    String remoteHead(Repo repo, String branch) {
        git.run(repo.work(), "fetch", "-q", "origin").succeeded();
        return git.head(repo.work(), "origin/" + branch);
    }

    Caller caller(String name) {
        return new Caller(server.bean(AccountService.class).user(name), Optional.empty());
    }

    Project project(Repo repo) {
        return server.bean(ProjectService.class).project(repo.project());
    }

    /** Polls until {@code condition} holds, failing after a minute. */
    static <T> T eventually(String what, Supplier<T> probe, Predicate<T> condition) {
        return Eventually.until(what, DEADLINE, probe, condition);
    }
}
