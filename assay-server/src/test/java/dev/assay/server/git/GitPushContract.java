package dev.assay.server.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.git.push.PushEvent;
import dev.assay.server.git.push.PushEvents;

/** Clone, fetch and push with the real git client; who may push; protected branches; push events. */
abstract class GitPushContract extends GitFixture {

    @Test
    void clonesAnEmptyProjectPushesWithATokenAndAnotherCloneFindsTheCommit() throws Exception {
        String project = newProject();
        Path work = cloned(project);
        String commit = git.commit(work, "README.md", "# hello\n", "First commit");

        git.run(work, "push", tokenUrl(project, token("olive", project, TokenScope.PUSH)), "main").succeeded();

        Path other = scratch.resolve(project + "-again");
        git.run(scratch, "clone", "-q", server.url() + "git/" + project, other.toString()).succeeded();
        assertThat(Files.readString(other.resolve("README.md"))).isEqualTo("# hello\n");
        assertThat(git.run(other, "log", "--format=%H %s").succeeded().output().strip())
                .isEqualTo(commit + " First commit");
        git.commit(work, "README.md", "# hello again\n", "Second commit");
        git.run(work, "push", tokenUrl(project, token("olive", project, TokenScope.PUSH)), "main").succeeded();
        git.run(other, "pull", "-q").succeeded();
        assertThat(Files.readString(other.resolve("README.md"))).isEqualTo("# hello again\n");
    }

    @Test
    void refusesPushesWithoutTheRightCredentialsOrRoleAndChangesNothing() {
        String project = newProject();
        Path work = cloned(project);
        git.commit(work, "README.md", "# refused\n", "Refused commit");
        String otherProject = newProject();

        assertThat(pushTo(work, anonymousUrl(project))).contains("could not read Username");
        assertThat(pushTo(work, tokenUrl(project, "assay_not-a-token"))).contains("Authentication failed");
        assertThat(pushTo(work, tokenUrl(project, token("sam", null, TokenScope.PUSH))))
                .contains("! [remote rejected] main -> main (pushing to main needs the owner or maintainer role of "
                        + "project '" + project + "': push to refs/for/main to propose a change request, "
                        + "or to users/sam/...)");
        assertThat(pushTo(work, tokenUrl(project, token("rita", project, TokenScope.PUSH))))
                .contains("(pushing to main needs the owner or maintainer role", "or to users/rita/...)");
        assertThat(pushTo(work, tokenUrl(project, token("olive", project, TokenScope.UPLOAD))))
                .contains("The API token does not allow pushing to project '" + project + "'");
        assertThat(pushTo(work, tokenUrl(project, token("olive", otherProject, TokenScope.PUSH))))
                .contains("does not allow pushing");
        assertThat(pushTo(work, "http://sam:correct%20horse%20battery@127.0.0.1:" + server.port() + "/git/" + project)
                ).contains("! [remote rejected] main -> main (pushing to main needs the owner or maintainer role");

        assertThat(git.run(scratch, "ls-remote", anonymousUrl(project)).succeeded().output()).isBlank();
        assertThat(server.bean(PushEvents.class).recent(project(project), 10)).isEmpty();
    }

    @Test
    void maintainersAndAdministratorsPushWithTheirPasswords() {
        String project = newProject();
        Path work = cloned(project);
        git.commit(work, "a.txt", "a\n", "By max");
        git.run(work, "push", passwordUrl("max", project), "main").succeeded();
        git.commit(work, "b.txt", "b\n", "By ada");
        git.run(work, "push", passwordUrl("ada", project), "main").succeeded();

        assertThat(git.run(scratch, "ls-remote", anonymousUrl(project), "refs/heads/main").succeeded().output())
                .startsWith(git.head(work, "HEAD"));
    }

    @Test
    void protectedMainRefusesForcePushAndDeletion() {
        String project = newProject();
        String url = tokenUrl(project, token("olive", project, TokenScope.PUSH));
        Path work = cloned(project);
        git.commit(work, "a.txt", "one\n", "One");
        String published = git.commit(work, "a.txt", "two\n", "Two");
        git.run(work, "push", url, "main").succeeded();
        git.run(work, "reset", "-q", "--hard", "HEAD~1").succeeded();
        git.commit(work, "a.txt", "rewritten\n", "Rewritten history");

        String forced = git.run(work, "push", "--force", url, "main").failed().output();
        String deleted = git.run(work, "push", url, ":main").failed().output();

        assertThat(forced).contains("! [remote rejected] main -> main (protected branch: force-pushing to it is not allowed");
        assertThat(deleted).contains("! [remote rejected] main (protected branch: deleting it is not allowed)");
        assertThat(remoteHead(project, "main")).isEqualTo(published);
    }

    @Test
    void unprotectedBranchesAcceptForcePushAndDeletion() {
        String project = newProject();
        String url = tokenUrl(project, token("max", project, TokenScope.PUSH));
        Path work = cloned(project);
        git.commit(work, "a.txt", "one\n", "One");
        git.run(work, "push", url, "main").succeeded();
        git.run(work, "checkout", "-q", "-b", "feature/x").succeeded();
        git.commit(work, "b.txt", "first try\n", "First try");
        git.run(work, "push", url, "feature/x").succeeded();
        git.run(work, "reset", "-q", "--hard", "HEAD~1").succeeded();
        String rewritten = git.commit(work, "b.txt", "second try\n", "Second try");

        git.run(work, "push", "--force", url, "feature/x").succeeded();
        assertThat(remoteHead(project, "feature/x")).isEqualTo(rewritten);
        git.run(work, "push", url, ":feature/x").succeeded();
        assertThat(git.run(scratch, "ls-remote", anonymousUrl(project)).succeeded().output()).doesNotContain("feature/x");
    }

    @Test
    void ownerUnprotectsMainAndThenForcePushWorks() {
        String project = newProject();
        String url = tokenUrl(project, token("olive", project, TokenScope.PUSH));
        Path work = cloned(project);
        git.commit(work, "a.txt", "one\n", "One");
        git.commit(work, "a.txt", "two\n", "Two");
        git.run(work, "push", url, "main").succeeded();

        assertThat(send("PUT", "api/v1/projects/" + project + "/protected-branches", "olive", PASSWORD,
                "{\"branches\":[\"release/1.x\", \"master\"]}").statusCode()).isEqualTo(200);
        git.run(work, "reset", "-q", "--hard", "HEAD~1").succeeded();

        git.run(work, "push", "--force", url, "main").succeeded();
        assertThat(remoteHead(project, "main")).isEqualTo(git.head(work, "HEAD"));
    }

    @Test
    void aPushOfTwoRefsProducesExactlyTwoEventsAlsoWhenAnotherSubscriberThrows() throws Exception {
        String project = newProject();
        Path work = cloned(project);
        String main = git.commit(work, "a.txt", "one\n", "One");
        git.run(work, "tag", "-a", "v1.0", "-m", "Version 1.0").succeeded();
        git.run(work, "push", tokenUrl(project, token("max", project, TokenScope.PUSH)), "main", "v1.0").succeeded();
        String tag = git.head(work, "v1.0");

        PushSubscribers.Recording recording = server.bean(PushSubscribers.Recording.class);
        PushSubscribers.FailingOnce failing = server.bean(PushSubscribers.FailingOnce.class);
        List<PushEvent> seen = eventually(() -> recording.of(project), 2);
        assertThat(seen).extracting(PushEvent::refName).containsExactlyInAnyOrder("refs/heads/main", "refs/tags/v1.0");
        assertThat(seen).allSatisfy(event -> {
            assertThat(event.userName()).isEqualTo("max");
            assertThat(event.oldId()).isEqualTo(ObjectId.zeroId().name());
            assertThat(event.created()).isTrue();
        });
        assertThat(seen).extracting(PushEvent::newId).containsExactlyInAnyOrder(main, tag);
        assertThat(seen).extracting(PushEvent::pushId).containsOnly(seen.get(0).pushId());
        // the failing subscriber gets each event again after its failure
        assertThat(eventually(() -> failing.of(project), 2)).extracting(PushEvent::id)
                .containsExactlyInAnyOrderElementsOf(seen.stream().map(PushEvent::id).toList());
        Thread.sleep(1500);
        assertThat(recording.of(project)).hasSize(2);
        assertThat(failing.of(project)).hasSize(2);
    }

    @Test
    void aStalledSubscriberHoldsBackNoOtherSubscriber() throws Exception {
        String project = newProject();
        PushSubscribers.Blocking blocking = server.bean(PushSubscribers.Blocking.class);
        blocking.stallOn(project);
        Path work = cloned(project);
        git.commit(work, "a.txt", "one\n", "One");
        try {
            git.run(work, "push", tokenUrl(project, token("max", project, TokenScope.PUSH)), "main").succeeded();

            assertThat(eventually(() -> blocking.holds(project) ? List.of(project) : List.<String>of(), 1))
                    .as("the stalled subscriber got the event and holds it").containsExactly(project);
            List<PushEvent> seen = eventually(() -> recording().of(project), 1);

            assertThat(seen).extracting(PushEvent::refName).containsExactly("refs/heads/main");
        } finally {
            blocking.release(project);
        }
    }

    private PushSubscribers.Recording recording() {
        return server.bean(PushSubscribers.Recording.class);
    }

    @Test
    void unknownProjectsAreNotFound() {
        String output = git.run(scratch, "clone", server.url() + "git/no-such-project.git", "x").failed().output();

        assertThat(output).containsIgnoringCase("not found");
        assertThat(get("git/no-such-project.git/info/refs").statusCode()).isEqualTo(404);
        assertThat(get("git/..%2F..%2Fdb/info/refs?service=git-upload-pack").statusCode()).isIn(400, 404);
    }

    private String pushTo(Path work, String url) {
        return git.run(work, "push", url, "main").failed().output();
    }

    private String remoteHead(String project, String branch) {
        return remoteRef(project, "refs/heads/" + branch);
    }

    private static <T> List<T> eventually(Supplier<List<T>> probe, int expected) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        List<T> found = probe.get();
        while (found.size() < expected && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
            found = probe.get();
        }
        assertThat(found).hasSize(expected);
        return found;
    }
}
