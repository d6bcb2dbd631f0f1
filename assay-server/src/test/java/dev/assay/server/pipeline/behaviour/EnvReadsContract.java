package dev.assay.server.pipeline.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.SandboxedFixture;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.WebSession;
import tools.jackson.databind.JsonNode;

/**
 * Real wheels whose second release reads AWS_SECRET_ACCESS_KEY on import, run through the sandboxed pipeline:
 * the behaviour diff names the variable with the default policy for the environment, warn, and never its value.
 */
abstract class EnvReadsContract extends SandboxedFixture {

    private static final Duration SLOW = Duration.ofMinutes(4);

    @Override
    protected Map<String, Object> pipelineSettings() {
        return sandboxedSettings();
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
        assertThat(behaviour.get("added")).as(behaviour::toString).hasSize(2);
        JsonNode secret = behaviour.get("added").get(0).get("item").get("value").asString().equals("AWS_PROFILE")
                ? behaviour.get("added").get(1) : behaviour.get("added").get(0);
        assertThat(secret.get("item").get("kind").asString()).isEqualTo("env");
        assertThat(secret.get("item").get("value").asString()).isEqualTo("AWS_SECRET_ACCESS_KEY");
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
}
