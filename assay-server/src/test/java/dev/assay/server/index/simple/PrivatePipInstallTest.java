package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.testing.PythonTools;

/** The real pip installs a private package with a token in the index URL, and cannot without it (H2). */
class PrivatePipInstallTest extends IndexFixture {

    @Override
    String databaseKind() {
        return "h2";
    }

    @Test
    void pipInstallsAPrivatePackageWithATokenInTheIndexUrlAndFailsWithoutCredentials(@TempDir Path withToken,
            @TempDir Path withoutCredentials) throws IOException, InterruptedException {
        String name = unique("private-pip");
        publishWheel(spec(name, "1.0"));
        HttpResponse<String> changed = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                uri("api/v1/projects/" + name + "/visibility"))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("__token__:" + token).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"visibility\":\"private\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        Pip pip = Pip.inNewVirtualEnvironment(build.resolve("venv"));

        PythonTools.Outcome refused = pip.install(server.url() + "simple/", withoutCredentials, name);
        PythonTools.Outcome installed = pip.install("http://__token__:" + token + "@127.0.0.1:" + server.port()
                + "/simple/", withToken, name);

        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(Pip.installed(withoutCredentials)).isEmpty();
        assertThat(installed.exitCode()).as(installed.output()).isZero();
        assertThat(Pip.installed(withToken)).containsExactly(ProjectName.escapeForFilename(name) + "-1.0");
    }
}
