package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.AssayProcess.Outcome;
import dev.assay.server.testing.AssayProcess.Server;
import dev.assay.server.testing.HttpApi;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./assay serve --upstream URL} and {@code ASSAY_UPSTREAMS} as a person runs them: the upstreams reach the
 * table (credentials out of the URL, the given order), a restart with another list replaces them, and an unusable
 * URL stops the start with a message saying which and why.
 */
abstract class UpstreamLauncherContract {

    private static final String PASSWORD = "s3cret-passw0rd";

    /** The environment a person would set for this database (empty for the embedded default). */
    abstract Map<String, String> databaseEnvironment();

    @Test
    void upstreamsFromTheOptionAndTheEnvironmentReachTheTable(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        AssayProcess assay = new AssayProcess(databaseEnvironment());
        Outcome added = assay.run(PASSWORD + "\n", "user", "add", "ada", "--email", "ada@example.org", "--admin",
                "--password-stdin", "--data", data.toString());
        assertThat(added.exitCode()).as(added.stderr()).isZero();

        try (Server server = assay.serve(data, work.resolve("first.log"), "--upstream",
                "https://deploy:t%40ken@nexus.example/simple", "--upstream", "http://10.1.2.3:3141/root/pypi")) {
            JsonNode listed = upstreams(server);
            assertThat(listed).hasSize(2);
            assertThat(listed.get(0).get("url").asString()).isEqualTo("https://nexus.example/simple/");
            assertThat(listed.get(0).get("username").asString()).isEqualTo("deploy");
            assertThat(listed.get(0).get("passwordSet").asBoolean()).isTrue();
            assertThat(listed.get(0).get("fromStartup").asBoolean()).isTrue();
            assertThat(listed.get(1).get("url").asString()).isEqualTo("http://10.1.2.3:3141/root/pypi/");
            assertThat(server.output()).doesNotContain("t@ken", "t%40ken");
        }

        Map<String, String> environment = new HashMap<>(databaseEnvironment());
        environment.put("ASSAY_UPSTREAMS", "http://10.1.2.3:3141/root/pypi/, https://pypi.example/simple/");
        try (Server server = new AssayProcess(environment).serve(data, work.resolve("second.log"))) {
            JsonNode listed = upstreams(server);
            assertThat(List.of(listed.get(0).get("url").asString(), listed.get(1).get("url").asString()))
                    .containsExactly("http://10.1.2.3:3141/root/pypi/", "https://pypi.example/simple/");
            assertThat(listed).as("nexus is no longer configured").hasSize(2);
        }

        Outcome refused = assay.run("", "serve", "--port", "0", "--data", data.toString(), "--upstream",
                "https://pypi.example/simple/", "--upstream", "ftp://mirror:pw@files.example/pub");
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.stderr()).contains("assay serve: ASSAY_UPSTREAMS / --upstream: The upstream URL "
                + "'ftp://files.example/pub' is not usable: only http:// and https:// upstreams are supported")
                .doesNotContain(":pw@");
    }

    private static JsonNode upstreams(Server server) {
        return new HttpApi(server.url(), "ada", PASSWORD).json("/api/v1/admin/upstreams");
    }
}
