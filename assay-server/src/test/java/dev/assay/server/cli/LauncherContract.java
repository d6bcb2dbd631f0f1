package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.AssayProcess.Outcome;
import dev.assay.server.testing.AssayProcess.Server;
import dev.assay.server.testing.TestDistributions;

/**
 * The README's start command as a person runs it: {@code ./assay serve}, the admin commands against the
 * running server, a restart that keeps every user and token; new projects held by default, not with
 * {@code --review-new-projects=false}.
 */
abstract class LauncherContract {

    /** The environment a person would set for this database (empty for the embedded default). */
    abstract Map<String, String> databaseEnvironment();

    @Test
    void serveAdministerRestartAndKeepEverything(@TempDir Path work) throws Exception {
        Path data = work.resolve("data");
        AssayProcess assay = new AssayProcess(databaseEnvironment());
        String secret;
        try (Server server = assay.serve(data, work.resolve("first.log"))) {
            assertThat(server.output()).contains("Assay is running at http://localhost:" + server.port() + "/");

            Outcome added = assay.run("s3cret-passw0rd\n", "user", "add", "carol", "--email", "carol@example.org",
                    "--sponsor", "--password-stdin", "--data", data.toString());
            assertThat(added.exitCode()).as(added.stderr()).isZero();
            assertThat(added.stdout()).contains("created user carol");

            Outcome created = assay.run("", "token", "create", "carol", "--project", "Demo_Pkg", "--scope", "upload,push",
                    "--data", data.toString());
            assertThat(created.exitCode()).as(created.stderr()).isZero();
            secret = created.stdout().strip();
            assertThat(secret).as("stdout holds the token alone").matches("assay_[A-Za-z0-9_-]{43}");
            assertThat(whoami(server, "__token__", secret).body()).contains("\"user\":\"carol\"", "demo-pkg");
            upload(server, work, "Demo_Pkg", "__token__", secret);
            assertThat(simplePage(server, "demo-pkg").statusCode()).as("held by default").isEqualTo(404);

            Outcome reviewer = assay.run("r3viewer-passw0rd\n", "user", "add", "rita", "--email", "rita@example.org",
                    "--reviewer", "--password-stdin", "--data", data.toString());
            assertThat(reviewer.stdout()).as(reviewer.stderr()).contains("created user rita", "[reviewers]");
            Outcome reviewToken = assay.run("", "token", "create", "rita", "--scope", "review", "--data", data.toString());
            assertThat(reviewToken.exitCode()).as(reviewToken.stderr()).isZero();
            assertThat(whoami(server, "__token__", reviewToken.stdout().strip()).body()).contains("review");

            Outcome sponsored = assay.run("", "user", "groups", "rita", "--add", "sponsors", "--data", data.toString());
            assertThat(sponsored.stdout()).as(sponsored.stderr()).contains("rita: reviewers, sponsors");
            Outcome unknownGroup = assay.run("", "user", "groups", "rita", "--add", "wizards", "--data",
                    data.toString());
            assertThat(unknownGroup.exitCode()).isEqualTo(1);
            assertThat(unknownGroup.stderr()).contains("'wizards' is not a group; use admins, sponsors or reviewers");
            Outcome unsponsored = assay.run("", "user", "groups", "rita", "--remove", "sponsors", "--data",
                    data.toString());
            assertThat(unsponsored.stdout()).as(unsponsored.stderr()).contains("rita: reviewers");

            Outcome workerScope = assay.run("", "token", "create", "carol", "--scope", "worker", "--data",
                    data.toString());
            assertThat(workerScope.exitCode()).isEqualTo(1);
            assertThat(workerScope.stderr()).contains("only administrators may hold tokens with the worker scope");
            assertThat(workerScope.stdout()).as("no secret printed").isEmpty();

            Outcome duplicate = assay.run("another-password\n", "user", "add", "CAROL", "--email", "c2@example.org",
                    "--password-stdin", "--data", data.toString());
            assertThat(duplicate.exitCode()).isEqualTo(1);
            assertThat(duplicate.stderr()).contains("assay user add: the user name 'CAROL' is already taken");

            Outcome nobody = assay.run("", "token", "create", "nobody", "--data", data.toString());
            assertThat(nobody.exitCode()).isEqualTo(1);
            assertThat(nobody.stderr()).contains("there is no user named 'nobody'");
            assertThat(nobody.stdout()).isEmpty();
        }

        try (Server restarted = assay.serve(data, work.resolve("second.log"), "--review-new-projects=false")) {
            upload(restarted, work, "Open_Pkg", "carol", "s3cret-passw0rd");
            assertThat(simplePage(restarted, "open-pkg").statusCode()).as("not held").isEqualTo(200);
            assertThat(simplePage(restarted, "demo-pkg").statusCode()).as("still held").isEqualTo(404);
            assertThat(whoami(restarted, "__token__", secret).statusCode()).isEqualTo(200);
            assertThat(whoami(restarted, "carol", "s3cret-passw0rd").body()).contains("\"authenticatedBy\":\"password\"");

            Outcome listed = assay.run("", "token", "list", "carol", "--data", data.toString());
            assertThat(listed.stdout()).contains(secret.substring(0, 12), "demo-pkg", "push,upload", "active");
            String id = listed.stdout().lines().skip(1).findFirst().orElseThrow().split("\\s+")[0];

            Outcome revoked = assay.run("", "token", "revoke", id, "--data", data.toString());
            assertThat(revoked.exitCode()).as(revoked.stderr()).isZero();
            assertThat(whoami(restarted, "__token__", secret).statusCode()).isEqualTo(401);
        }
    }

    private static void upload(Server server, Path work, String project, String user, String password)
            throws Exception {
        TestDistributions.Spec spec = new TestDistributions.Spec(project, "1.0", List.of("Summary: launched"), "");
        Path wheel = TestDistributions.wheel(Files.createDirectories(work.resolve("dist-" + project)), spec);
        spec.upload(wheel, server.url(), user, password);
    }

    private static HttpResponse<String> simplePage(Server server, String project) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "simple/" + project + "/"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> whoami(Server server, String user, String password) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url() + "api/v1/whoami"))
                .header("Authorization", "Basic " + credentials).build(), HttpResponse.BodyHandlers.ofString());
    }
}
