package dev.assay.server.pipeline.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * Real wheels whose second release connects to 203.0.113.9:443 on import, run through the sandboxed pipeline:
 * the behaviour diff names the connection, and the release is held for package review under the hold policy
 * (the default for network) and only warned about under the warn policy. A release newly reading
 * AWS_SECRET_ACCESS_KEY on import is in the diff under the environment's default policy, warn.
 */
abstract class BehaviourContract extends SandboxedFixture {

    private static final Duration SLOW = Duration.ofMinutes(4);
    private static final String CONNECTS = """
            import socket
            try:
                socket.create_connection(("203.0.113.9", 443), timeout=2).close()
            except OSError:
                pass
            """;

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
    }

    @Test
    void aNewNetworkCallOnImportIsInTheDiffAndHoldsTheReleaseUnderHoldButNotUnderWarn() throws Exception {
        String holding = "behave-hold-" + databaseKind();
        String warning = "behave-warn-" + databaseKind();
        Path work = Files.createTempDirectory(data, "behaviour");
        Path holding10 = upload(work, holding, "1.0", "");
        Path warning10 = upload(work, warning, "1.0", "");
        HttpResponse<String> warn = owner.put("api/v1/projects/" + warning + "/behaviour-policy",
                "{\"network\":\"warn\"}");
        assertThat(warn.statusCode()).as(warn.body()).isEqualTo(200);
        assertThat(HttpApi.parse(warn.body()).get("network").asString()).isEqualTo("warn");
        finished(holding, "1.0", holding10.getFileName().toString(), SLOW);
        finished(warning, "1.0", warning10.getFileName().toString(), SLOW);
        Path holding11 = upload(work, holding, "1.1", CONNECTS);
        Path warning11 = upload(work, warning, "1.1", CONNECTS);
        finished(holding, "1.1", holding11.getFileName().toString(), SLOW);
        finished(warning, "1.1", warning11.getFileName().toString(), SLOW);

        JsonNode held = owner.json("api/v1/projects/" + holding + "/1.1/behaviour");
        assertThat(held.get("previous").asString()).isEqualTo("1.0");
        assertThat(held.get("compared").asBoolean()).as(held::toString).isTrue();
        JsonNode added = only(held.get("added"));
        assertThat(added.get("item").get("kind").asString()).isEqualTo("network");
        assertThat(added.get("item").get("value").asString()).isEqualTo("203.0.113.9:443");
        assertThat(added.get("item").get("step").asString()).isEqualTo("import");
        assertThat(added.get("action").asString()).isEqualTo("hold");
        assertThat(added.get("sentence").asString()).isEqualTo("1.1 now connects to 203.0.113.9:443 during import");
        assertThat(held.get("held").asBoolean()).isTrue();
        assertThat(held.get("holdReason").asString()).contains("203.0.113.9:443");
        assertThat(owner.json("api/v1/projects/" + holding + "/1.0/behaviour").get("profiled").asBoolean()).isTrue();
        // only 1.1 is held: 1.0 stays installable, 1.1 is not until the package review is approved
        HttpApi anonymous = HttpApi.anonymous(server.url());
        assertThat(anonymous.get("simple/" + holding + "/").body()).contains(holding10.getFileName().toString())
                .doesNotContain(holding11.getFileName().toString());
        assertThat(anonymous.json("pypi/" + holding + "/json").get("info").get("version").asString())
                .isEqualTo("1.0");
        HttpResponse<String> heldJson = anonymous.get("pypi/" + holding + "/1.1/json");
        assertThat(heldJson.statusCode()).isEqualTo(404);
        assertThat(heldJson.body()).contains("version 1.1 of " + holding + " is held for review");
        String heldFile = "files/" + holding + "/" + holding11.getFileName();
        HttpResponse<String> refused = anonymous.get(heldFile);
        assertThat(refused.statusCode()).isEqualTo(404);
        assertThat(refused.body()).contains("version 1.1 of " + holding + " is held for review");
        assertThat(stranger.get(heldFile).statusCode()).isEqualTo(404);
        assertThat(owner.get(heldFile).statusCode()).as("a member reads what is held").isEqualTo(200);
        assertThat(admin.get(heldFile).statusCode()).isEqualTo(200);
        Path python = PythonTools.newVirtualEnvironment(Files.createTempDirectory(data, "venv"));
        PythonTools.pipInstall(python, server.url() + "simple/", holding).assertSucceeded();
        assertThat(installedVersion(python, holding)).isEqualTo("1.0");
        assertThat(PythonTools.pipInstall(python, server.url() + "simple/", holding + "==1.1").exitCode())
                .as("1.1 is held").isNotZero();
        JsonNode hold = anonymous.json("api/v1/projects/" + holding + "/1.1/hold");
        assertThat(hold.get("held").asBoolean()).as(hold::toString).isTrue();
        assertThat(hold.get("reasons").get(0).asString()).contains("203.0.113.9:443");
        WebSession olive = new WebSession(server.url());
        olive.logIn("olive", PASSWORD);
        String page = olive.get("project/" + holding + "/1.1/").body();
        assertThat(page).contains("id=\"behaviour\"", "connects to 203.0.113.9:443", "held for review");
        JsonNode review = null;
        for (JsonNode candidate : owner.json("api/v1/reviews?mine=true").get("reviews")) {
            review = holding.equals(candidate.get("project").asString()) ? candidate : review;
        }
        assertThat(review).as("the package review holding " + holding).isNotNull();
        assertThat(review.get("state").asString()).isEqualTo("new");
        String reviewPage = olive.get(review.get("path").asString().substring(1)).body();
        assertThat(reviewPage).contains("id=\"behaviour\"", "1.1 now connects to 203.0.113.9:443 during import",
                "version 1.1 held: new behaviour");
        String projectPage = anonymous.get("project/" + holding + "/").body();
        assertThat(projectPage).contains("id=\"held-versions\"", "203.0.113.9:443");

        // a sponsor approving the review releases 1.1: it installs
        long number = review.get("number").asLong();
        server.bean(AccountService.class).create(new NewUser("spencer", "spencer@example.org", "", PASSWORD,
                Set.of(Group.SPONSORS)));
        HttpApi sponsor = new HttpApi(server.url(), "spencer", PASSWORD);
        assertThat(sponsor.post("api/v1/reviews/" + number + "/take", "").statusCode()).isEqualTo(200);
        HttpResponse<String> approved = sponsor.post("api/v1/reviews/" + number + "/approve", "");
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(owner.json("api/v1/projects/" + holding + "/1.1/behaviour").get("held").asBoolean()).isFalse();
        JsonNode released = anonymous.json("api/v1/projects/" + holding + "/1.1/hold");
        assertThat(released.get("held").asBoolean()).as(released::toString).isFalse();
        assertThat(released.get("holds").get(0).get("releasedBy").asString()).isEqualTo("spencer");
        assertThat(released.get("holds").get(0).get("kind").asString()).isEqualTo("behaviour");
        assertThat(anonymous.get(heldFile).statusCode()).isEqualTo(200);
        PythonTools.pipInstall(python, server.url() + "simple/", "--upgrade", holding).assertSucceeded();
        assertThat(installedVersion(python, holding)).isEqualTo("1.1");
        assertThat(olive.get(review.get("path").asString().substring(1)).body()).contains("released version 1.1");

        JsonNode warned = owner.json("api/v1/projects/" + warning + "/1.1/behaviour");
        assertThat(only(warned.get("added")).get("action").asString()).as(warned::toString).isEqualTo("warn");
        assertThat(only(warned.get("added")).get("item").get("value").asString()).isEqualTo("203.0.113.9:443");
        assertThat(warned.get("held").asBoolean()).isFalse();
        assertThat(HttpApi.anonymous(server.url()).get("simple/" + warning + "/").statusCode()).isEqualTo(200);

        // By path: a bare name is looked up on PATH, which reads the variable too (an env item of its own).
        Path warning12 = upload(work, warning, "1.2", "import subprocess\nsubprocess.run(['/bin/true'])\n");
        finished(warning, "1.2", warning12.getFileName().toString(), SLOW);
        JsonNode next = owner.json("api/v1/projects/" + warning + "/1.2/behaviour");
        assertThat(only(next.get("added")).get("sentence").asString()).as(next::toString)
                .isEqualTo("1.2 now runs true during import");
        assertThat(only(next.get("added")).get("action").asString()).isEqualTo("warn");
        assertThat(only(next.get("gone")).get("value").asString()).isEqualTo("203.0.113.9:443");
        assertThat(next.get("held").asBoolean()).isFalse();
    }

    @Test
    void theBehaviourIsReadAsTheReleaseIsAndBadInputIsRefused() throws Exception {
        String project = uploadedProject();
        HttpApi anonymous = HttpApi.anonymous(server.url());
        JsonNode first = anonymous.json("api/v1/projects/" + project + "/1.0/behaviour");
        assertThat(first.get("previous").isNull()).as(first::toString).isTrue();
        assertThat(first.get("policy").get("network").asString()).isEqualTo("hold");
        assertThat(first.get("policy").get("program").asString()).isEqualTo("warn");
        assertThat(anonymous.get("api/v1/projects/" + project + "/9.9/behaviour").statusCode()).isEqualTo(404);

        HttpResponse<String> badKind = owner.put("api/v1/projects/" + project + "/behaviour-policy",
                "{\"telepathy\":\"hold\"}");
        assertThat(badKind.statusCode()).isEqualTo(400);
        assertThat(badKind.body()).contains("'telepathy' is not a kind of behaviour");
        HttpResponse<String> badAction = owner.put("api/v1/projects/" + project + "/behaviour-policy",
                "{\"program\":\"explode\"}");
        assertThat(badAction.statusCode()).isEqualTo(400);
        assertThat(badAction.body()).contains("'explode' is not an action for program");
        assertThat(stranger.put("api/v1/projects/" + project + "/behaviour-policy", "{\"program\":\"hold\"}")
                .statusCode()).isEqualTo(403);
        assertThat(anonymous.put("api/v1/projects/" + project + "/behaviour-policy", "{\"program\":\"hold\"}")
                .statusCode()).isEqualTo(401);

        WebSession browser = new WebSession(server.url());
        browser.logIn("max", PASSWORD);
        HttpResponse<String> saved = browser.submit("project/" + project + "/settings/behaviour",
                "#change-behaviour-policy", Map.of("kind-program", "hold", "kind-network", "ignore"));
        assertThat(saved.statusCode()).isIn(200, 302, 303);
        JsonNode policy = owner.json("api/v1/projects/" + project + "/behaviour-policy");
        assertThat(policy.get("program").asString()).isEqualTo("hold");
        assertThat(policy.get("network").asString()).isEqualTo("ignore");
        assertThat(browser.post("project/" + project + "/settings/behaviour",
                Map.of("kind-program", "warn")).statusCode()).as("no CSRF token").isEqualTo(403);

        makePrivate(project);
        assertThat(anonymous.get("api/v1/projects/" + project + "/1.0/behaviour").statusCode()).isEqualTo(401);
        assertThat(stranger.get("api/v1/projects/" + project + "/1.0/behaviour").statusCode()).isEqualTo(404);
        WebSession sam = new WebSession(server.url());
        sam.logIn("sam", PASSWORD);
        assertThat(sam.get("project/" + project + "/settings/behaviour").statusCode()).isEqualTo(404);
        assertThat(maintainer.json("api/v1/projects/" + project + "/1.0/behaviour").get("version").asString())
                .isEqualTo("1.0");
    }

    @Test
    void aNewEnvironmentReadOnImportIsInTheDiffAndWarnedAbout() throws Exception {
        String project = "env-reads-" + databaseKind();
        Path work = Files.createTempDirectory(data, "env-reads");
        Path first = upload(work, project, "1.0", "");
        finished(project, "1.0", first.getFileName().toString(), SLOW);
        Path second = upload(work, project, "1.1", """
                import os
                CREDENTIALS = os.environ.get("AWS_SECRET_ACCESS_KEY"), "AWS_PROFILE" in os.environ
                """);
        finished(project, "1.1", second.getFileName().toString(), SLOW);

        JsonNode before = owner.json("api/v1/projects/" + project + "/1.0/behaviour");
        assertThat(before.get("profiled").asBoolean()).as(before::toString).isTrue();
        assertThat(before.get("profile").toString()).as("the interpreter's own reads are the baseline's")
                .doesNotContain("\"env\"");
        JsonNode behaviour = owner.json("api/v1/projects/" + project + "/1.1/behaviour");
        assertThat(behaviour.get("compared").asBoolean()).as(behaviour::toString).isTrue();
        assertThat(behaviour.get("policy").get("env").asString()).isEqualTo("warn");
        assertThat(behaviour.get("added").findValuesAsString("value")).as(behaviour::toString)
                .containsExactlyInAnyOrder("AWS_SECRET_ACCESS_KEY", "AWS_PROFILE");
        JsonNode secret = null;
        for (JsonNode added : behaviour.get("added")) {
            secret = "AWS_SECRET_ACCESS_KEY".equals(added.get("item").get("value").asString()) ? added : secret;
        }
        assertThat(secret.get("item").get("kind").asString()).isEqualTo("env");
        assertThat(secret.get("item").get("step").asString()).isEqualTo("import");
        assertThat(secret.get("action").asString()).isEqualTo("warn");
        assertThat(secret.get("sentence").asString())
                .isEqualTo("1.1 now reads the environment variable AWS_SECRET_ACCESS_KEY during import");
        assertThat(behaviour.get("held").asBoolean()).isFalse();
        assertThat(HttpApi.anonymous(server.url()).get("simple/" + project + "/").statusCode()).isEqualTo(200);

        WebSession olive = new WebSession(server.url());
        olive.logIn("olive", PASSWORD);
        assertThat(olive.get("project/" + project + "/1.1/").body())
                .contains("id=\"behaviour\"", "reads the environment variable AWS_SECRET_ACCESS_KEY");
    }

    private Path upload(Path work, String project, String version, String init) throws Exception {
        Spec spec = Spec.of(project, version);
        PythonDistributions.Built built = PythonDistributions.build(work,
                spec.withFiles(Map.of(spec.module() + "/__init__.py", "VERSION = '" + version + "'\n" + init)));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.wheel()).assertSucceeded();
        return built.wheel();
    }

    private static String installedVersion(Path python, String project) {
        String code = "import importlib.metadata as m; print(m.version('" + project + "'))";
        return PythonTools.run(python.getParent(), Map.of(), java.util.List.of(python.toString(), "-c", code))
                .assertSucceeded().output().strip();
    }

    private static JsonNode only(JsonNode list) {
        assertThat(list.size()).as(list::toString).isEqualTo(1);
        return list.get(0);
    }
}
