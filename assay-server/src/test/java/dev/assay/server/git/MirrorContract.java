package dev.assay.server.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.testing.WebSession;

/** Push mirrors: configured by owners, pushed to after every push with the real git client, results shown. */
abstract class MirrorContract extends GitFixture {

    private static final AtomicInteger MIRRORS = new AtomicInteger();

    @Override
    Map<String, Object> serverProperties() {
        return Map.of("assay.git.mirror.allow-local", "true");
    }

    @Test
    void aPushReachesTheMirrorWithItsTagsAndDeletedBranchesArePruned() throws Exception {
        String project = newProject();
        Path mirror = bareMirror();
        HttpResponse<String> added = addMirror(project, "olive", mirror.toUri().toString());
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
        assertThat(added.body()).contains("\"url\":\"file:///", "\"lastResult\":null");

        Path work = cloned(project);
        String url = tokenUrl(project, token("olive", project, TokenScope.PUSH));
        git.commit(work, "README.md", "# mirrored\n", "First");
        String main = git.commit(work, "src/app.py", "print('hi')\n", "Second");
        git.run(work, "tag", "v1.0").succeeded();
        git.run(work, "branch", "feature/x").succeeded();
        git.run(work, "push", url, "main", "v1.0", "feature/x").succeeded();

        awaitMirror(project, body -> body.contains("\"lastResult\":\"ok\""));
        await(() -> mirrored(mirror, "refs/heads/main").equals(main) && mirrored(mirror, "refs/heads/feature/x").equals(main));
        assertThat(mirrored(mirror, "refs/tags/v1.0")).isEqualTo(main);
        assertThat(mirrors(project, "max").body()).contains("\"lastError\":null", "\"lastAttemptAt\":\"");

        git.run(work, "push", url, ":feature/x").succeeded();
        String third = git.commit(work, "README.md", "# mirrored again\n", "Third");
        git.run(work, "push", url, "main").succeeded();
        await(() -> mirrored(mirror, "refs/heads/main").equals(third));
        await(() -> mirrored(mirror, "refs/heads/feature/x").isEmpty());
    }

    @Test
    void mirrorsOverHttpWithTheCredentialsInTheUrl() {
        String project = newProject();
        String target = newProject();
        String targetUrl = tokenUrl(target, token("olive", target, TokenScope.PUSH));
        assertThat(addMirror(project, "olive", targetUrl).statusCode()).isEqualTo(201);

        Path work = cloned(project);
        String commit = git.commit(work, "a.txt", "over http\n", "Over HTTP");
        git.run(work, "push", tokenUrl(project, token("olive", project, TokenScope.PUSH)), "main").succeeded();

        awaitMirror(project, body -> body.contains("\"lastResult\":\"ok\""));
        assertThat(git.run(scratch, "ls-remote", anonymousUrl(target), "refs/heads/main").succeeded().output())
                .startsWith(commit);
    }

    @Test
    void aMirrorThatCannotBeReachedRecordsTheFailure() {
        String project = newProject();
        Path missing = scratch.resolve("no-such-mirror-" + MIRRORS.incrementAndGet() + ".git");
        assertThat(addMirror(project, "ada", missing.toString()).statusCode()).isEqualTo(201);
        Path good = bareMirror();
        assertThat(addMirror(project, "olive", good.toString()).statusCode()).isEqualTo(201);

        Path work = cloned(project);
        String commit = git.commit(work, "a.txt", "a\n", "One");
        git.run(work, "push", tokenUrl(project, token("max", project, TokenScope.PUSH)), "main").succeeded();

        String body = awaitMirror(project, seen -> seen.contains("\"lastResult\":\"failed\"")
                && seen.contains("\"lastResult\":\"ok\""));
        assertThat(body).containsPattern("\"url\":\"[^\"]*no-such-mirror[^\"]*\",[^}]*\"lastResult\":\"failed\","
                + "\"lastError\":\"[^\"]+\"");
        assertThat(mirrored(good, "refs/heads/main")).isEqualTo(commit);
        assertThat(Files.exists(missing)).isFalse();
    }

    @Test
    void onlyOwnersAndAdministratorsConfigureMirrors() {
        String project = newProject();
        String path = "api/v1/projects/" + project + "/mirrors";
        String body = "{\"url\":\"https://mirror.example.org/" + project + ".git\"}";

        for (String refused : new String[] {"max", "rita", "sam"}) {
            HttpResponse<String> response = send("POST", path, refused, PASSWORD, body);
            assertThat(response.statusCode()).as(refused).isEqualTo(403);
        }
        assertThat(send("POST", path, "max", PASSWORD, body).body()).contains("needs the owner role", "is a maintainer");
        assertThat(send("POST", path, null, null, body).statusCode()).isEqualTo(401);
        assertThat(send("GET", path, null, null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", path, "rita", PASSWORD, null).statusCode()).isEqualTo(403);
        String uploadToken = token("olive", project, TokenScope.UPLOAD);
        assertThat(send("POST", path, "__token__", uploadToken, body).statusCode()).isEqualTo(403);

        HttpResponse<String> added = send("POST", path, "ada", PASSWORD, body);
        assertThat(added.statusCode()).isEqualTo(201);
        String id = added.body().replaceFirst("^\\{\"id\":(\\d+),.*$", "$1");
        assertThat(send("GET", path, "max", PASSWORD, null).body()).contains("mirror.example.org");
        assertThat(send("POST", path, "olive", PASSWORD, body).statusCode()).isEqualTo(409);
        assertThat(send("PUT", path + "/" + id, "max", PASSWORD, body).statusCode()).isEqualTo(403);
        assertThat(send("DELETE", path + "/" + id, "max", PASSWORD, null).statusCode()).isEqualTo(403);
        HttpResponse<String> changed = send("PUT", path + "/" + id, "olive", PASSWORD,
                "{\"url\":\"https://other.example.org/x.git\"}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("other.example.org");
        assertThat(send("DELETE", path + "/" + id, "olive", PASSWORD, null).statusCode()).isEqualTo(204);
        assertThat(send("DELETE", path + "/" + id, "olive", PASSWORD, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", path, "olive", PASSWORD, null).body()).isEqualTo("[]");
    }

    @Test
    void refusesUrlsThatAreNotHttpOrLocalPathsWithAMessage() {
        String project = newProject();
        for (String invalid : new String[] {"ssh://git@example.org/x.git", "git@example.org:x/y.git",
                "relative/path.git", "", "https:///no-host.git", "file:///srv/../etc/x.git"}) {
            HttpResponse<String> response = addMirror(project, "olive", invalid);
            assertThat(response.statusCode()).as(invalid).isEqualTo(400);
            assertThat(response.body()).as(invalid).contains("\"detail\"");
        }
        assertThat(addMirror(project, "olive", "ssh://git@example.org/x.git").body()).contains("use an https://");
        assertThat(send("GET", "api/v1/projects/" + project + "/mirrors", "olive", PASSWORD, null).body())
                .isEqualTo("[]");
    }

    @Test
    void passwordsInMirrorUrlsAreMaskedInTheApiAndInErrors() {
        String project = newProject();
        // port 9 on the loopback: nothing listens, so the push fails at once without leaving the machine
        String secretUrl = "http://mirror-user:s3cr%40tpw@127.0.0.1:9/" + project + ".git";

        HttpResponse<String> added = addMirror(project, "olive", secretUrl);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(added.body()).contains("\"url\":\"http://mirror-user:***@127.0.0.1:9/" + project + ".git\"")
                .doesNotContain("s3cr");
        Path work = cloned(project);
        git.commit(work, "a.txt", "a\n", "One");
        git.run(work, "push", tokenUrl(project, token("olive", project, TokenScope.PUSH)), "main").succeeded();

        String body = awaitMirror(project, seen -> seen.contains("\"lastResult\":\"failed\""));
        assertThat(body).doesNotContain("s3cr").contains("mirror-user:***@");
        assertThat(addMirror(project, "olive", secretUrl).body()).doesNotContain("s3cr");
    }

    @Test
    void ownersAddAndRemoveMirrorsOnThePageWithCsrf() {
        String project = newProject();
        String page = "project/" + project + "/mirrors";
        WebSession olive = new WebSession(server.url());
        olive.logIn("olive", PASSWORD);
        assertThat(new WebSession(server.url()).get(page).uri().getPath()).isEqualTo("/login");

        HttpResponse<String> added = olive.submit(page, "#add-mirror",
                Map.of("url", "https://bot:hunter2@mirror.example.org/x.git"));
        HttpResponse<String> refused = olive.submit(page, "#add-mirror", Map.of("url", "ssh://example.org/x.git"));
        HttpResponse<String> hostile = olive.submit(page, "#add-mirror",
                Map.of("url", "https://bot:hunter2@mirror.example.org/<b>x</b>.git"));
        HttpResponse<String> forged = olive.post(page, Map.of("url", "https://forged.example.org/x.git"));

        assertThat(added.body()).contains("Mirror https://bot:***@mirror.example.org/x.git added: the next push goes to it")
                .doesNotContain("hunter2");
        assertThat(refused.body()).contains("are not supported: use an https://");
        assertThat(hostile.body()).contains("/&lt;b&gt;x&lt;/b&gt;.git&#39; is not a valid URL").doesNotContain("hunter2");
        assertThat(forged.statusCode()).isEqualTo(403);
        Document shown = olive.page(page);
        assertThat(shown.select("tr.mirror .mirror-url").eachText())
                .containsExactly("https://bot:***@mirror.example.org/x.git");
        assertThat(shown.select("tr.mirror .mirror-result").text()).isEqualTo("pending");
        assertThat(olive.page("project/" + project + "/manage").select("#mirrors-page").attr("href")).endsWith(page);

        WebSession max = new WebSession(server.url());
        max.logIn("max", PASSWORD);
        Document seenByMax = max.page(page);
        assertThat(seenByMax.select("tr.mirror")).hasSize(1);
        assertThat(seenByMax.select("#add-mirror, form.remove-mirror")).isEmpty();

        HttpResponse<String> removed = olive.submit(page, "form.remove-mirror", Map.of());
        assertThat(removed.body()).contains("removed; the remote was left as it is");
        assertThat(olive.page(page).select("tr.mirror")).isEmpty();
    }

    private HttpResponse<String> addMirror(String project, String user, String url) {
        return send("POST", "api/v1/projects/" + project + "/mirrors", user, PASSWORD,
                "{\"url\":\"" + url.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}");
    }

    private HttpResponse<String> mirrors(String project, String user) {
        return send("GET", "api/v1/projects/" + project + "/mirrors", user, PASSWORD, null);
    }

    private Path bareMirror() {
        Path mirror = scratch.resolve("mirror-" + MIRRORS.incrementAndGet() + ".git");
        git.run(scratch, "init", "-q", "--bare", mirror.toString()).succeeded();
        return mirror;
    }

    /** The commit a ref of the mirror points at, or empty when it has no such ref. */
    private String mirrored(Path mirror, String ref) {
        GitCommand.Outcome outcome = git.run(scratch, "--git-dir=" + mirror, "rev-parse", "--verify", "-q",
                ref + "^{commit}");
        return outcome.exitCode() == 0 ? outcome.output().strip() : "";
    }

    private String awaitMirror(String project, Predicate<String> condition) {
        String[] body = new String[1];
        await(() -> condition.test(body[0] = mirrors(project, "olive").body()));
        return body[0];
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("not reached within 30 s");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new AssertionError(interrupted);
            }
        }
    }
}
