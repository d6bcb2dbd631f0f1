package dev.assay.server.review.thread;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.HttpApi;

import dev.assay.server.notify.Notice;
import dev.assay.server.notify.NoticeKind;

import tools.jackson.databind.JsonNode;

/** Threads through the REST API: general and inline comments, replies, resolving, tags, drafts; once per database. */
abstract class ThreadsContract extends ThreadFixture {

    @Test
    void generalCommentGetsRepliesAndIsResolvedAndReopened() {
        long review = review();

        JsonNode thread = created(stranger.post(threads(review), general("Why **this** name?")));
        long id = thread.get("id").asLong();
        JsonNode replied = created(owner.post(threads(review) + "/" + id + "/comments", general("It was free.")));
        assertThat(unresolved(review)).isEqualTo(1);
        JsonNode resolved = ok(owner.post(threads(review) + "/" + id + "/resolve", ""));

        assertThat(thread.get("anchor").isNull()).isTrue();
        assertThat(thread.get("placement").asString()).isEqualTo("general");
        assertThat(thread.get("comments").get(0).get("html").asString()).isEqualTo("<p>Why <strong>this</strong> name?</p>");
        assertThat(replied.get("comments")).hasSize(2);
        assertThat(replied.get("comments").get(1).get("author").asString()).isEqualTo("olive");
        assertThat(resolved.get("resolved").asBoolean()).isTrue();
        assertThat(unresolved(review)).isZero();
        assertThat(server.bean(ThreadService.class).unresolvedCount(review)).isZero();
        assertThat(server.bean(ThreadService.class).unresolvedCounts(List.of(review, review())))
                .as("lists: discussions without unresolved threads are absent").isEmpty();

        assertThat(ok(owner.post(threads(review) + "/" + id + "/reopen", "")).get("resolved").asBoolean()).isFalse();
        assertThat(unresolved(review)).isEqualTo(1);
        assertThat(server.bean(ThreadService.class).unresolvedCounts(List.of(review))).containsEntry(review, 1L);
    }

    @Test
    void inlineCommentIsAnchoredAtItsLine() {
        long review = reviewWith(List.of("a = 1", "b = 2", "c = 3"));

        JsonNode thread = created(owner.post(threads(review),
                "{\"path\":\"sdist/calc.py\",\"line\":2,\"side\":\"new\",\"iteration\":1,\"body\":\"b?\",\"tags\":[\"question\"]}"));

        assertThat(thread.get("anchor").toString())
                .isEqualTo("{\"iteration\":1,\"path\":\"sdist/calc.py\",\"line\":2,\"side\":\"new\"}");
        assertThat(thread.get("line").asInt()).isEqualTo(2);
        assertThat(thread.get("placement").asString()).isEqualTo("as-written");
        assertThat(thread.get("tags").toString()).isEqualTo("[\"question\"]");
        assertThat(ok(anonymous.get(threads(review))).get("threads").get(0).get("id").asLong())
                .isEqualTo(thread.get("id").asLong());
    }

    @Test
    void badAnchorsSayWhatToFix() {
        long review = reviewWith(List.of("a = 1", "b = 2", "c = 3"));

        HttpResponse<String> pastTheEnd = owner.post(threads(review), inline(CALC, 4, "here"));
        HttpResponse<String> noSuchFile = owner.post(threads(review), inline("sdist/other.py", 1, "here"));
        HttpResponse<String> noSuchIteration = owner.post(threads(review),
                "{\"path\":\"sdist/calc.py\",\"line\":1,\"iteration\":7,\"body\":\"x\"}");
        HttpResponse<String> oldSideOfFirst = owner.post(threads(review),
                "{\"path\":\"sdist/calc.py\",\"line\":1,\"side\":\"old\",\"body\":\"x\"}");
        HttpResponse<String> badSide = owner.post(threads(review),
                "{\"path\":\"sdist/calc.py\",\"line\":1,\"side\":\"left\",\"body\":\"x\"}");
        HttpResponse<String> noLine = owner.post(threads(review), "{\"path\":\"sdist/calc.py\",\"body\":\"x\"}");
        HttpResponse<String> noBody = owner.post(threads(review), "{\"body\":\"  \"}");

        assertThat(pastTheEnd.statusCode()).isEqualTo(400);
        assertThat(pastTheEnd.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(pastTheEnd.body()).contains("Line 4 is out of range: 'sdist/calc.py' has lines 1 to 3 in iteration 1");
        assertThat(noSuchFile.body()).contains("There is no text file 'sdist/other.py' in iteration 1");
        assertThat(noSuchIteration.body()).contains("has no iteration 7; its iterations are 1");
        assertThat(oldSideOfFirst.body()).contains("Iteration 1 has no old side");
        assertThat(badSide.body()).contains("'left' is not a side; use old or new");
        assertThat(noLine.body()).contains("Missing line");
        assertThat(noBody.body()).contains("Missing body");
        for (HttpResponse<String> refused : List.of(noSuchFile, noSuchIteration, oldSideOfFirst, badSide, noLine, noBody)) {
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        }
        assertThat(ok(owner.get(threads(review))).get("threads")).isEmpty();
    }

    @Test
    void nonsenseInputIsAClientErrorNeverAServerError() {
        long review = reviewWith(List.of("a = 1"));
        List<HttpResponse<String>> answers = List.of(
                owner.get("api/v1/reviews/abc/threads"),
                owner.get(threads(review) + "?iteration=abc"),
                owner.get(threads(review) + "?iteration=-1"),
                owner.get(threads(review) + "/abc"),
                owner.get(threads(review) + "/99999999"),
                owner.post(threads(review), "{not json"),
                owner.post(threads(review), "[]"),
                owner.post(threads(review), "{\"body\":42,\"tags\":\"bug\"}"),
                owner.post(threads(review), inline(CALC, 0, "x")),
                owner.post(threads(review), inline(CALC, -3, "x")),
                owner.post(threads(review), "{\"path\":\"sdist/calc.py\",\"line\":99999999999,\"body\":\"x\"}"),
                owner.post(threads(review), inline("x".repeat(5000), 1, "x")),
                owner.post(threads(review), general("x".repeat(ThreadService.MAX_BODY_LENGTH + 1))),
                owner.post(threads(review) + "/99999999/comments", general("x")),
                owner.put(threads(review) + "/99999999/tags", "{\"tags\":[null]}"),
                owner.post("api/v1/reviews/" + review + "/publish", "{}"));

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.uri() + " " + answer.body())
                .isBetween(200, 499));
        assertThat(answers.get(12).body()).contains("A comment is at most 20000 characters");
        assertThat(ok(owner.get(threads(review))).get("threads")).isEmpty();
    }

    @Test
    void unknownReviewIsNotFound() {
        HttpResponse<String> list = owner.get(threads(999_999));
        HttpResponse<String> post = owner.post(threads(999_999), general("hello"));

        assertThat(list.statusCode()).isEqualTo(404);
        assertThat(list.body()).contains("there is no review or change request #999999");
        assertThat(post.statusCode()).isEqualTo(404);
    }

    @Test
    void privateProjectsReviewIsHiddenFromStrangers() {
        long review = review();
        String project = server.bean(ThreadRepository.class).projectName(review).orElseThrow();
        makePrivate(project);
        created(owner.post(threads(review), general("secret")));

        assertThat(stranger.get(threads(review)).statusCode()).isEqualTo(404);
        assertThat(anonymous.get(threads(review)).statusCode()).isEqualTo(404);
        assertThat(stranger.post(threads(review), general("hi")).statusCode()).isEqualTo(404);
        assertThat(ok(admin.get(threads(review))).get("threads")).hasSize(1);
    }

    @Test
    void shouldNotResolveWhenNotAuthorized() {
        long review = review();
        long id = created(owner.post(threads(review), general("Please add a licence file."))).get("id").asLong();

        HttpResponse<String> refused = stranger.post(threads(review) + "/" + id + "/resolve", "");
        HttpResponse<String> tagRefused = stranger.put(threads(review) + "/" + id + "/tags", "{\"tags\":[\"nit\"]}");
        HttpResponse<String> anonymousPost = anonymous.post(threads(review), general("hi"));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("needs being the thread's author, the review's author",
                "a member of reviewers or sponsors, or an administrator", "user 'sam' is none of these");
        assertThat(tagRefused.statusCode()).isEqualTo(403);
        assertThat(anonymousPost.statusCode()).isEqualTo(401);
        assertThat(ok(sponsor.post(threads(review) + "/" + id + "/resolve", "")).get("resolved").asBoolean()).isTrue();
        assertThat(ok(admin.post(threads(review) + "/" + id + "/reopen", "")).get("resolved").asBoolean()).isFalse();
        long own = created(stranger.post(threads(review), general("mine"))).get("id").asLong();
        assertThat(ok(stranger.post(threads(review) + "/" + own + "/resolve", "")).get("resolved").asBoolean()).isTrue();
    }

    @Test
    void shouldNotCommentWithATokenThatDoesNotAllowReviewing() {
        long review = review();
        String project = server.bean(ThreadRepository.class).projectName(review).orElseThrow();

        HttpResponse<String> uploadToken = token("olive", null, TokenScope.UPLOAD).post(threads(review), general("x"));
        HttpResponse<String> otherProject = token("olive", server.bean(ThreadRepository.class).projectName(review()).orElseThrow(),
                TokenScope.REVIEW)
                .post(threads(review), general("x"));
        HttpResponse<String> reviewing = token("olive", project, TokenScope.REVIEW).post(threads(review), general("ok"));

        assertThat(uploadToken.statusCode()).isEqualTo(403);
        assertThat(uploadToken.body()).contains("Commenting on #" + review + " needs a password or an API token with "
                + "the review scope for its project");
        assertThat(otherProject.statusCode()).isEqualTo(403);
        assertThat(reviewing.statusCode()).as(reviewing.body()).isEqualTo(201);
    }

    @Test
    void tagsAreReplacedAndCheckedAgainstTheKnownOnes() {
        long review = review();
        long id = created(owner.post(threads(review), general("x"))).get("id").asLong();

        JsonNode tagged = ok(owner.put(threads(review) + "/" + id + "/tags", "{\"tags\":[\"nit\",\"bug\"]}"));
        HttpResponse<String> unknown = owner.put(threads(review) + "/" + id + "/tags", "{\"tags\":[\"blocker\"]}");
        JsonNode untagged = ok(owner.put(threads(review) + "/" + id + "/tags", "{\"tags\":[]}"));

        assertThat(tagged.get("tags").toString()).isEqualTo("[\"bug\",\"nit\"]");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("'blocker' is not a thread tag; use one of bug, enhancement, question, nit");
        assertThat(untagged.get("tags")).isEmpty();
    }

    @Test
    void draftsArePrivateUntilPublishedAsOneRound() {
        long review = reviewWith(List.of("a = 1", "b = 2"));
        long discussed = created(stranger.post(threads(review), general("Looks fine?"))).get("id").asLong();
        int before = notices.about(review).size();

        created(owner.post(threads(review) + "/" + discussed + "/comments", "{\"body\":\"first\",\"draft\":true}"));
        created(owner.post(threads(review) + "/" + discussed + "/comments", "{\"body\":\"second @spencer\",\"draft\":true}"));
        created(owner.post(threads(review), "{\"path\":\"sdist/calc.py\",\"line\":1,\"body\":\"new\",\"draft\":true}"));

        assertThat(ok(stranger.get(threads(review))).get("threads")).hasSize(1);
        assertThat(ok(stranger.get(threads(review))).get("threads").get(0).get("comments")).hasSize(1);
        assertThat(ok(owner.get(threads(review))).get("drafts").asInt()).isEqualTo(3);
        assertThat(unresolved(review)).isEqualTo(1);
        assertThat(notices.about(review)).hasSize(before);

        JsonNode round = ok(owner.post("api/v1/reviews/" + review + "/publish", ""));

        assertThat(round.toString()).isEqualTo("{\"comments\":3,\"threads\":2}");
        assertThat(ok(stranger.get(threads(review))).get("threads")).hasSize(2);
        assertThat(ok(owner.get(threads(review))).get("drafts").asInt()).isZero();
        assertThat(unresolved(review)).isEqualTo(2);
        List<Notice> sent = notices.about(review).subList(before, notices.about(review).size());
        assertThat(sent).extracting(Notice::kind)
                .containsExactly(NoticeKind.COMMENT, NoticeKind.MENTION, NoticeKind.COMMENT);
        assertThat(sent.get(0).directRecipients()).containsExactly(userId("sam"));
        assertThat(sent.get(0).path()).isEqualTo("/reviews/" + review + "#thread-" + discussed);
        assertThat(sent.get(1).directRecipients()).containsExactly(userId("spencer"));
        assertThat(sent.get(2).directRecipients()).isEmpty();
    }

    @Test
    void commentAndMentionAreAnnounced() {
        long review = review();
        long id = created(stranger.post(threads(review), general("Question for @olive and @nobody"))).get("id").asLong();
        created(sponsor.post(threads(review) + "/" + id + "/comments", general("Agreed, @SAM.")));

        List<Notice> sent = notices.about(review);

        assertThat(sent).extracting(Notice::kind)
                .containsExactly(NoticeKind.COMMENT, NoticeKind.MENTION, NoticeKind.COMMENT, NoticeKind.MENTION);
        assertThat(sent.get(0).directRecipients()).isEmpty();
        assertThat(sent.get(0).actorId()).isEqualTo(userId("sam"));
        assertThat(sent.get(1).directRecipients()).containsExactly(userId("olive"));
        assertThat(sent.get(2).directRecipients()).containsExactly(userId("sam"));
        assertThat(sent.get(2).excerpt()).isEqualTo("Agreed, @SAM.");
        assertThat(sent.get(3).directRecipients()).containsExactly(userId("sam"));
    }

    @Test
    void userNamesAreCompletedForSignedInCallers() {
        HttpResponse<String> signedIn = owner.get("api/v1/users?prefix=SP");
        HttpResponse<String> anonymousCall = anonymous.get("api/v1/users?prefix=sp");
        HttpResponse<String> bad = owner.get("api/v1/users?prefix=%25");

        assertThat(signedIn.statusCode()).isEqualTo(200);
        assertThat(signedIn.body()).isEqualTo("[{\"name\":\"spencer\"}]");
        assertThat(anonymousCall.statusCode()).isEqualTo(401);
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    private HttpApi token(String user, String project, TokenScope... scopes) {
        String secret = server.bean(TokenService.class).create(new NewToken(user, "test", project, Set.of(scopes)))
                .secret();
        return new HttpApi(server.url(), "__token__", secret);
    }

    long unresolved(long review) {
        return ok(owner.get(threads(review))).get("unresolved").asLong();
    }

    long userId(String name) {
        return server.bean(dev.assay.server.accounts.AccountService.class).user(name).id();
    }

    void makePrivate(String project) {
        new org.springframework.transaction.support.TransactionTemplate(
                server.bean(org.springframework.transaction.PlatformTransactionManager.class))
                .executeWithoutResult(status -> server.bean(dev.assay.server.index.ProjectService.class)
                        .changeVisibility(new dev.assay.server.accounts.Caller(
                                server.bean(dev.assay.server.accounts.AccountService.class).user("olive"),
                                java.util.Optional.empty()), project, "private"));
    }
}
