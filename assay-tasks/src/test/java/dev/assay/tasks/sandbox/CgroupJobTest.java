package dev.assay.tasks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker's threads join a job's cgroups only to start its sandbox. */
class CgroupJobTest {

    @TempDir
    Path workspace;

    @Test
    void noThreadOfTheWorkerStaysInTheJobsCgroupsNotEvenOneTheStartCreated() throws Exception {
        Sandbox sandbox = SandboxMachine.requireSandbox();
        String own = Files.readString(Path.of("/proc/thread-self/cgroup"));
        // With every process reaper thread busy, starting the sandbox creates one more, in the starting thread's
        // cgroups. The fork bomb and memory hog tests show the sandbox is in the job's; this, that the worker is not.
        long reapers = Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("process reaper")).count();
        List<Process> sleepers = new ArrayList<>();
        try {
            for (long i = 0; i <= reapers; i++) {
                sleepers.add(new ProcessBuilder("/usr/bin/sleep", "60").start());
            }
            SandboxResult result = sandbox.run(SandboxCommand.of(workspace, List.of("/usr/bin/true")));

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(threadCgroups()).isNotEmpty().allSatisfy(cgroups -> assertThat(cgroups).isEqualTo(own));
        } finally {
            sleepers.forEach(Process::destroyForcibly);
        }
    }

    private static List<String> threadCgroups() throws IOException {
        List<String> cgroups = new ArrayList<>();
        try (Stream<Path> threads = Files.list(Path.of("/proc/self/task"))) {
            for (Path thread : (Iterable<Path>) threads::iterator) {
                try {
                    cgroups.add(Files.readString(thread.resolve("cgroup")));
                } catch (IOException ended) {
                    // A thread that ended meanwhile is in no cgroup.
                }
            }
        }
        return cgroups;
    }
}
