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

/** The real {@code ./assay sandbox check}: ready where pipelines would run, and otherwise the reason and exit 1. */
class SandboxCheckLauncherIT {

    @Test
    void saysReadyAfterATrialRunAndNamesWhatToFixWhenTheWorkspacesAreOutOfReach(@TempDir Path work) throws Exception {
        Assumptions.assumeTrue(Sandbox.probe().sandbox().isPresent() || "true".equals(System.getenv("CI")),
                "no sandbox on this machine");
        AssayProcess assay = new AssayProcess(Map.of());
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));

        Outcome ready = assay.run("", "sandbox", "check", "--work", work.resolve("jobs").toString());

        assertThat(ready.exitCode()).as(ready.stdout() + ready.stderr()).isZero();
        assertThat(ready.stdout()).contains("sandbox: bubblewrap", "strace: available", "network blocked", "ready:")
                .doesNotContain("uid 0 ");

        Path closed = Files.createDirectories(work.resolve("closed"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Outcome unreachable = assay.run("", "sandbox", "check", "--data", closed.resolve("data").toString());

        if ("root".equals(System.getProperty("user.name"))) {
            assertThat(unreachable.exitCode()).isEqualTo(1);
            assertThat(unreachable.stdout()).contains("no sandbox:", "chmod o+x " + closed);
        }
    }
}
