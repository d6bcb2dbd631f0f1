package dev.assay.tasks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessRunnerTest {

    private static final int BYTES = 1_000_000;

    /**
     * The runner kills what a command left behind after every run, also when it exited by itself. Killing it through
     * {@link Process#destroyForcibly()} closed the output pipes too, and what still sat in them unread was lost: a
     * megabyte written just before exiting leaves its last 64 KB in the pipe, so the loss showed on every run.
     */
    @Test
    void everythingACommandWroteBeforeExitingIsKeptAfterTheRunKillsWhatItLeft() throws Exception {
        for (int run = 0; run < 20; run++) {
            ProcessRunner.Outcome outcome = ProcessRunner.run(
                    List.of("/bin/sh", "-c", "head -c " + BYTES + " /dev/zero; head -c " + BYTES + " /dev/zero >&2"),
                    Map.of("PATH", "/usr/bin:/bin"), new byte[0], Duration.ofSeconds(60), ProcessRunner::killDescendants);

            assertThat(outcome.exitCode()).isZero();
            assertThat(outcome.stdout().total()).as("stdout bytes, run " + run).isEqualTo(BYTES);
            assertThat(outcome.stderr().total()).as("stderr bytes, run " + run).isEqualTo(BYTES);
        }
    }
}
