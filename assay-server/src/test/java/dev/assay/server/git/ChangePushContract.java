package dev.assay.server.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.jgit.lib.ObjectId;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.git.push.PushEvent;
import dev.assay.server.git.push.PushEvents;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestRepository;
import dev.assay.server.review.change.Revision;

/**
 * Pushes around change requests with the real git client: who pushes which refs (users/NAME/ branches for
 * everyone who reads the project), {@code refs/for/<branch>} opening change requests and adding revisions,
 * {@code refs/changes/} kept by the server, and branches that take changes only through change requests.
 */
abstract class ChangePushContract extends GitFixture {

    private static final Pattern OPENED = Pattern.compile("remote: Change request #(\\d+): (\\S+)");
    private static final String CHANGE_ID = "I0123456789abcdef0123456789abcdef01234567";

    @Test
    void readersPushTheirOwnUserBranchesButNoOneElses() {
        String project = projectWithMain();
        Path work = cloned(project);
        git.run(work, "checkout", "-q", "-b", "topic").succeeded();
        String first = git.commit(work, "b.txt", "by sam\n", "Sam's topic");

        git.run(work, "push", passwordUrl("sam", project), "HEAD:users/sam/topic").succeeded();
        String others = git.run(work, "push", passwordUrl("sam", project), "HEAD:users/olive/topic").failed().output();
        git.run(work, "tag", "v9").succeeded();
        String tag = git.run(work, "push", passwordUrl("sam", project), "v9").failed().output();
        git.run(work, "commit", "-q", "--amend", "-m", "Sam's topic, again").succeeded();
        git.run(work, "push", "--force", passwordUrl("sam", project), "HEAD:users/sam/topic").succeeded();
        String amended = git.head(work, "HEAD");

        assertThat(others).contains("! [remote rejected] HEAD -> users/olive/topic (pushing to users/olive/topic needs "
                + "the owner or maintainer role of project '" + project + "': push to users/sam/...)");
        assertThat(tag).contains("! [remote rejected] v9 -> v9 (pushing to v9 needs the owner or maintainer role");
        assertThat(remoteRef(project, "refs/heads/users/sam/topic")).isEqualTo(amended).isNotEqualTo(first);
        assertThat(remoteRef(project, "refs/heads/users/olive/topic")).isEmpty();
        assertThat(remoteRef(project, "refs/tags/v9")).isEmpty();
        git.run(work, "push", passwordUrl("max", project), "HEAD:users/max/mine", "HEAD:users/sam/fixed").succeeded();
        git.run(work, "push", passwordUrl("sam", project), ":users/sam/topic").succeeded();
        assertThat(remoteRef(project, "refs/heads/users/sam/topic")).isEmpty();
    }

    @Test
    void inAPrivateProjectOnlyReadersProposeAndStrangersStillGetTheNotFound() {
        String project = projectWithMain();
        assertThat(send("PUT", "api/v1/projects/" + project + "/visibility", "olive", PASSWORD,
                "{\"visibility\":\"private\"}").statusCode()).isEqualTo(200);
        Path work = scratch.resolve(project + "-private");
        git.run(scratch, "clone", "-q", passwordUrl("rita", project), work.toString()).succeeded();
        git.commit(work, "b.txt", "b\n", "Add b");

        String byStranger = git.run(work, "push", passwordUrl("sam", project), "HEAD:refs/for/main").failed().output();
        String anonymous = git.run(work, "push", anonymousUrl(project), "HEAD:refs/for/main").failed().output();

        assertThat(byStranger).contains("not found").doesNotContain("Change request");
        assertThat(anonymous).contains("could not read Username");
        assertThat(git.run(work, "push", passwordUrl("rita", project), "HEAD:refs/for/main").succeeded().output())
                .containsPattern(OPENED);
    }

    @Test
    void aRefusedRefLeavesTheOthersOfThePushGoingAhead() {
        String project = projectWithMain();
        Path work = cloned(project);
        String commit = git.commit(work, "b.txt", "two refs\n", "Two refs");

        String output = git.run(work, "push", passwordUrl("rita", project), "HEAD:main", "HEAD:users/rita/x")
                .failed().output();

        assertThat(output).contains("! [remote rejected] HEAD -> main (pushing to main needs",
                "* [new branch]      HEAD -> users/rita/x");
        assertThat(remoteRef(project, "refs/heads/users/rita/x")).isEqualTo(commit);
        assertThat(remoteRef(project, "refs/heads/main")).isNotEqualTo(commit);
        assertThat(server.bean(PushEvents.class).recent(project(project), 10)).extracting(PushEvent::refName)
                .containsExactly("refs/heads/users/rita/x", "refs/heads/main");
    }

    @Test
    void nobodyPushesToRefsChanges() {
        String project = projectWithMain();
        Path work = cloned(project);
        git.commit(work, "b.txt", "sneaky\n", "Sneaky");

        for (String user : List.of("olive", "ada", "sam")) {
            assertThat(git.run(work, "push", passwordUrl(user, project), "HEAD:refs/changes/1/1").failed().output())
                    .contains("(refs/changes/ is kept by the server: push to refs/for/<branch>)");
        }
        assertThat(remoteRef(project, "refs/changes/1/1")).isEmpty();
    }

    @Test
    void pushingToRefsForOpensAChangeRequestAndTheSameChangeIdAddsRevisions() {
        String project = projectWithMain();
        Path work = cloned(project);
        String first = git.commit(work, "b.txt", "one\n", "Add b\n\nSo that b exists.\n\nIt matters.\n\n"
                + "Signed-off-by: Sam <sam@example.org>\nChange-Id: " + CHANGE_ID);

        String opened = git.run(work, "push", passwordUrl("sam", project), "HEAD:refs/for/main").succeeded().output();

        Matcher link = OPENED.matcher(opened);
        assertThat(link.find()).as(opened).isTrue();
        long number = Long.parseLong(link.group(1));
        assertThat(link.group(2)).isEqualTo(server.url() + "changes/" + number);
        assertThat(opened).contains("* [new reference]   HEAD -> refs/for/main");
        ChangeRequest request = changes().find(number).orElseThrow();
        assertThat(request.title()).isEqualTo("Add b");
        assertThat(request.description()).isEqualTo("So that b exists.\n\nIt matters.");
        assertThat(request.authorName()).isEqualTo("sam");
        assertThat(request.sourceBranch()).isEmpty();
        assertThat(request.targetBranch()).isEqualTo("main");
        assertThat(request.changeKey()).contains(CHANGE_ID);
        assertThat(remoteRef(project, "refs/changes/" + number + "/1")).isEqualTo(first);
        assertThat(git.run(scratch, "ls-remote", anonymousUrl(project)).succeeded().output())
                .doesNotContain("refs/for/");

        git.run(work, "commit", "-q", "--amend", "-m", "Add b, better\n\nChange-Id: " + CHANGE_ID).succeeded();
        String second = git.head(work, "HEAD");
        String revised = git.run(work, "push", passwordUrl("sam", project), "HEAD:refs/for/main").succeeded().output();

        assertThat(revised).contains("remote: Change request #" + number + ": revision 2: " + server.url() + "changes/"
                + number);
        assertThat(changes().revisions(number)).extracting(Revision::commit).containsExactly(first, second);
        git.run(work, "fetch", "-q", anonymousUrl(project), "refs/changes/" + number + "/1").succeeded();
        assertThat(git.head(work, "FETCH_HEAD")).isEqualTo(first);
        assertThat(remoteRef(project, "refs/changes/" + number + "/2")).isEqualTo(second);
        assertThat(git.run(work, "push", passwordUrl("sam", project), "HEAD:refs/for/main").failed().output())
                .contains("(no new changes: the commit is already the latest revision of change request #" + number);
        assertThat(server.bean(PushEvents.class).recent(project(project), 10)).extracting(PushEvent::refName)
                .noneMatch(ref -> ref.startsWith("refs/for/"));
    }

    @Test
    void pushingToRefsChangesNumberAddsARevisionToThatChangeRequest() {
        String project = projectWithMain();
        Path work = cloned(project);
        String first = git.commit(work, "b.txt", "b\n", "Add b");
        Matcher link = OPENED.matcher(git.run(work, "push", passwordUrl("sam", project), "HEAD:refs/for/main")
                .succeeded().output());
        assertThat(link.find()).isTrue();
        long number = Long.parseLong(link.group(1));
        String second = git.commit(work, "b.txt", "b, fixed\n", "Fix b");

        String revised = git.run(work, "push", passwordUrl("sam", project), "HEAD:refs/changes/" + number)
                .succeeded().output();
        String unknown = git.run(work, "push", passwordUrl("sam", project), "HEAD:refs/changes/999999")
                .failed().output();

        assertThat(revised).contains("remote: Change request #" + number + ": revision 2: " + server.url() + "changes/"
                + number);
        assertThat(changes().revisions(number)).extracting(Revision::commit).containsExactly(first, second);
        assertThat(remoteRef(project, "refs/changes/" + number)).isEmpty();
        assertThat(unknown).contains("(project '" + project + "' has no open change request #999999)");
        assertThat(server.bean(PushEvents.class).recent(project(project), 10)).extracting(PushEvent::refName)
                .noneMatch(ref -> ref.equals("refs/changes/" + number) || ref.equals("refs/changes/999999"));
    }

    @Test
    void refsForRefusesWhatGerritRefuses() {
        String project = projectWithMain();
        Path work = cloned(project);

        String nothingNew = git.run(work, "push", passwordUrl("sam", project), "HEAD:refs/for/main").failed().output();
        git.commit(work, "b.txt", "b\n", "Add b");
        String noBranch = git.run(work, "push", passwordUrl("sam", project), "HEAD:refs/for/nope").failed().output();
        git.run(work, "commit", "-q", "--amend", "-m", "Add b\n\nChange-Id: Inot-a-change-id").succeeded();
        String badKey = git.run(work, "push", passwordUrl("sam", project), "HEAD:refs/for/main").failed().output();
        git.run(work, "commit", "-q", "--amend", "-m", "Add b").succeeded();
        String pushOnly = git.run(work, "push", tokenUrl(project, token("sam", project, TokenScope.PUSH)),
                "HEAD:refs/for/main").failed().output();

        assertThat(nothingNew).contains("! [remote rejected] HEAD -> refs/for/main (no new changes: the commit is "
                + "already in branch 'main')");
        assertThat(noBranch).contains("(branch 'nope' does not exist in project '" + project + "'");
        assertThat(badKey).contains("(invalid Change-Id 'Inot-a-change-id' in the commit message");
        assertThat(pushOnly).contains("(The API token does not allow proposing change requests to project '" + project
                + "': use a token with the push and review scopes for this project)");
        assertThat(git.run(work, "push", tokenUrl(project, token("sam", project, TokenScope.PUSH, TokenScope.REVIEW)),
                "HEAD:refs/for/main").succeeded().output()).containsPattern(OPENED);
    }

    @Test
    void onlyTheAuthorAndMaintainersAddRevisionsToAChangeRequest() {
        String project = projectWithMain();
        Path work = cloned(project);
        String key = "Iaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
        git.commit(work, "b.txt", "b\n", "Add b\n\nChange-Id: " + key);
        Matcher link = OPENED.matcher(git.run(work, "push", passwordUrl("rita", project), "HEAD:refs/for/main")
                .succeeded().output());
        assertThat(link.find()).isTrue();
        git.run(work, "commit", "-q", "--amend", "-m", "Add b, by sam\n\nChange-Id: " + key).succeeded();

        String bySam = git.run(work, "push", passwordUrl("sam", project), "HEAD:refs/for/main").failed().output();
        String byMax = git.run(work, "push", passwordUrl("max", project), "HEAD:refs/for/main").succeeded().output();

        assertThat(bySam).contains("(Adding revisions of change request #" + link.group(1) + " is for its author");
        assertThat(byMax).contains("Change request #" + link.group(1) + ": revision 2:");
    }

    @Test
    void aChangesOnlyBranchRefusesEveryDirectPushButTakesChangeRequests() {
        String project = projectWithMain();
        assertThat(send("PUT", "api/v1/projects/" + project + "/protected-branches", "olive", PASSWORD,
                "{\"branches\":[\"main\"],\"changesOnly\":[\"main\"]}").statusCode()).isEqualTo(200);
        Path work = cloned(project);
        String before = remoteRef(project, "refs/heads/main");
        String commit = git.commit(work, "b.txt", "direct\n", "Direct");

        for (String user : List.of("olive", "ada")) {
            assertThat(git.run(work, "push", passwordUrl(user, project), "main").failed().output())
                    .contains("! [remote rejected] main -> main (protected branch: changes reach main only through "
                            + "change requests: git push origin HEAD:refs/for/main)");
        }
        git.run(work, "push", passwordUrl("olive", project), "HEAD:refs/for/main").succeeded();
        git.run(work, "push", passwordUrl("olive", project), "HEAD:other").succeeded();
        assertThat(remoteRef(project, "refs/heads/main")).isEqualTo(before);

        // a merge moves the branch on the server: no push, nothing refused
        Caller olive = new Caller(server.bean(AccountService.class).user("olive"), Optional.empty());
        server.bean(ServerRefUpdates.class).update(project(project), olive, "refs/heads/main",
                ObjectId.fromString(before), ObjectId.fromString(commit), false);
        assertThat(remoteRef(project, "refs/heads/main")).isEqualTo(commit);
    }

    /** A new project whose main branch olive pushed, with one commit. */
    private String projectWithMain() {
        String project = newProject();
        Path work = cloned(project);
        git.commit(work, "a.txt", "a\n", "First");
        git.run(work, "push", passwordUrl("olive", project), "main").succeeded();
        return project;
    }

    private ChangeRequestRepository changes() {
        return server.bean(ChangeRequestRepository.class);
    }
}
