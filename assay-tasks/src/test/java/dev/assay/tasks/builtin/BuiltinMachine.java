package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.fail;

import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxProbe;
import dev.assay.tasks.sandbox.Strace;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** What the built-in task tests need: bubblewrap, strace, python3 with build and venv, pytest, coverage and pyflakes; loud skip or CI failure. */
final class BuiltinMachine {

    private BuiltinMachine() {
    }

    static BuiltinTasks require() throws IOException, InterruptedException {
        SandboxProbe probe = Sandbox.probe();
        if (probe.sandbox().isEmpty()) {
            missing(probe.report());
        }
        Strace strace = Strace.debian();
        if (!strace.available()) {
            missing("strace is not installed (apt-get install strace)");
        }
        Process python = new ProcessBuilder("/usr/bin/python3", "-c", "import build, setuptools, wheel, venv")
                .redirectErrorStream(true).start();
        if (!python.waitFor(60, TimeUnit.SECONDS) || python.exitValue() != 0) {
            missing("/usr/bin/python3 lacks build, setuptools, wheel or venv "
                    + "(apt-get install python3-build python3-setuptools python3-wheel python3-venv)");
        }
        BuiltinSettings settings = BuiltinSettings.debian();
        if (settings.testTools().isEmpty()) {
            missing("pytest is not installed (apt-get install python3-pytest)");
        }
        if (settings.coverageTools().isEmpty()) {
            missing("coverage.py is not installed (apt-get install python3-coverage)");
        }
        if (!settings.analysers().contains("pyflakes")) {
            missing("pyflakes is not installed (apt-get install python3-pyflakes)");
        }
        return new BuiltinTasks(probe.sandbox().orElseThrow(), strace, settings);
    }

    private static void missing(String why) {
        if ("true".equals(System.getenv("CI"))) {
            fail("CI=true but the built-in task tests cannot run: " + why);
        }
        System.err.println("\n!!!!!!!! SKIPPING BUILT-IN TASK TESTS: " + why + " !!!!!!!!\n");
        Assumptions.abort("built-in task tests need: " + why);
    }
}
