package dev.assay.tasks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's thread joins a job's cgroups only to start its sandbox. */
class CgroupJobTest {

    @TempDir
    Path workspace;

    @Test
    void theThreadThatStartsASandboxInTheJobsCgroupsGoesBackToTheWorkers() throws Exception {
        Sandbox sandbox = SandboxMachine.requireSandbox();
        String before = Files.readString(Path.of("/proc/thread-self/cgroup"));

        // The fork bomb and memory hog tests show the sandbox is in the job's cgroups; this, that the worker is not.
        SandboxResult result = sandbox.run(SandboxCommand.of(workspace, List.of("/usr/bin/true")));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(Files.readString(Path.of("/proc/thread-self/cgroup"))).isEqualTo(before);
    }
}
