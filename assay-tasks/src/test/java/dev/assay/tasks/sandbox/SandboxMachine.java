package dev.assay.tasks.sandbox;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** What the sandbox tests need from the machine; skipped loudly without it, a failure on CI. */
final class SandboxMachine {

    private SandboxMachine() {
    }

    static Sandbox requireSandbox() {
        SandboxProbe probe = Sandbox.probe();
        if (probe.sandbox().isEmpty()) {
            missing(probe.report());
        }
        return probe.sandbox().orElseThrow();
    }

    static Strace requireStrace() {
        Strace strace = Strace.debian();
        if (!strace.available()) {
            missing("strace is not installed (apt-get install strace)");
        }
        return strace;
    }

    /** Whether any host process's command line contains the marker. */
    static boolean anyProcessWith(String marker) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of("/usr/bin/pgrep"))) {
            fail("pgrep is needed to check for surviving processes");
        }
        Process pgrep = new ProcessBuilder("/usr/bin/pgrep", "-f", marker).redirectErrorStream(true).start();
        pgrep.waitFor(30, TimeUnit.SECONDS);
        return pgrep.exitValue() == 0;
    }

    private static void missing(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true but the sandbox tests cannot run: " + why);
        }
        System.err.println("\n!!!!!!!! SKIPPING SANDBOX TESTS: " + why + " !!!!!!!!\n");
        Assumptions.abort("sandbox unavailable: " + why);
    }
}
