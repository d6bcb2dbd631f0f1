package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.AssayProcess.Outcome;
import dev.assay.tasks.sandbox.Sandbox;

/**
 * The real {@code ./assay sandbox check}: the tools the tasks need, ready where pipelines would run (also with the
 * data directory in a folder only its owner may enter), and otherwise the reason and exit 1.
 */
class SandboxCheckLauncherIT {

    @Test
    void saysReadyAfterATrialRunListingTheToolsAndKeepsWorkspacesOutOfAPrivateFolder(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(Sandbox.probe().sandbox().isPresent() || "true".equals(System.getenv("CI")),
                "no sandbox on this machine");
        AssayProcess assay = new AssayProcess(Map.of());
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));

        Outcome ready = assay.run("", "sandbox", "check", "--work", work.resolve("jobs").toString());

        assertThat(ready.exitCode()).as(ready.stdout() + ready.stderr()).isZero();
        assertThat(ready.stdout()).contains("sandbox: bubblewrap", "strace: available", "network blocked", "ready:")
                .doesNotContain("uid 0 ");
        assertThat(ready.stdout()).as("every tool the tasks need, with its Debian package")
                .contains("tools the tasks need:", "ok       pytest (required, Debian package python3-pytest)",
                        "coverage (required, Debian package python3-coverage)", "python3-pyflakes", "python3-build",
                        "python3-venv", "strace (required", "pylint (optional");

        Path closed = Files.createDirectories(work.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Outcome unreachable = assay.run("", "sandbox", "check", "--data", closed.resolve("data").toString());

        if ("root".equals(System.getProperty("user.name"))) {
            // the sandbox drops to nobody, who cannot enter the 0700 folder: Assay keeps the workspaces elsewhere
            assertThat(unreachable.exitCode()).as(unreachable.stdout()).isZero();
            assertThat(unreachable.stdout()).contains("job workspaces: /var/tmp/assay-work-",
                    "cannot reach " + closed.resolve("data").resolve("pipeline-work"), "network blocked", "ready:");
            String line = unreachable.stdout().lines().filter(l -> l.startsWith("job workspaces: ")).findFirst()
                    .orElseThrow();
            Path workspaces = Path.of(line.substring("job workspaces: ".length(), line.indexOf(" (")));
            assertThat(Files.getPosixFilePermissions(workspaces)).isEqualTo(PosixFilePermissions.fromString("rwx--x--x"));
            Files.delete(workspaces);
        }
    }
}
