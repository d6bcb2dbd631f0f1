package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.assay.packaging.requirement.MarkerEnvironment;

/**
 * The marker environment of the interpreter the sandboxed tasks use, asked once: its version and platform decide
 * which requirements apply and which wheels it can install.
 */
public final class WorkerMarkers {

    private final Path python;
    private volatile MarkerEnvironment environment;

    WorkerMarkers(Path python) {
        this.python = python;
    }

    public MarkerEnvironment environment() throws IOException, InterruptedException {
        MarkerEnvironment known = environment;
        if (known == null) {
            Process process = new ProcessBuilder(python.toString(), "-c",
                    "import platform, sys; print(platform.python_version()); print(sys.platform); print(platform.machine())")
                    .redirectErrorStream(true).start();
            List<String> lines = new String(process.getInputStream().readAllBytes()).lines().toList();
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0 || lines.size() < 3) {
                throw new IOException("cannot ask " + python + " for its version: " + String.join(" ", lines));
            }
            known = MarkerEnvironment.cpython(lines.get(0), lines.get(1), lines.get(2));
            environment = known;
        }
        return known;
    }
}
