package dev.assay.tasks.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Finds out whether bubblewrap works here by running {@code true} in it, and says why not when it does not. */
public final class SandboxFactory {

    private final SandboxTools tools;
    private final CgroupV1 cgroups;

    SandboxFactory(SandboxTools tools, CgroupV1 cgroups) {
        this.tools = tools;
        this.cgroups = cgroups;
    }

    /** The factory for this machine: Debian's tool paths, the system's cgroup v1 hierarchy. */
    public static SandboxFactory system() {
        return new SandboxFactory(SandboxTools.debian(runningAsRoot()), CgroupV1.system());
    }

    public SandboxProbe probe() {
        List<String> missing = new ArrayList<>();
        for (Path tool : List.of(tools.bwrap(), Path.of(Supervisor.BASH))) {
            if (!Files.isExecutable(tool)) {
                missing.add(tool.toString());
            }
        }
        if (tools.dropToNobody() && !Files.isExecutable(tools.unshare())) {
            missing.add(tools.unshare().toString());
        }
        if (!missing.isEmpty()) {
            return unavailable("missing " + String.join(", ", missing)
                    + " (Debian packages bubblewrap, bash and util-linux)");
        }
        BubblewrapSandbox sandbox = new BubblewrapSandbox(tools, cgroups);
        Path workspace = null;
        try {
            workspace = Files.createTempDirectory("assay-sandbox-probe");
            SandboxCommand trueCommand = SandboxCommand.of(workspace, List.of("/usr/bin/true"))
                    .withLimits(SandboxLimits.defaults().withWallTime(Duration.ofSeconds(30)));
            SandboxResult result = sandbox.run(trueCommand);
            if (result.exitCode() != 0) {
                return unavailable("bubblewrap cannot start a sandbox here (exit " + result.exitCode() + "): "
                        + result.stderr().strip());
            }
            return new SandboxProbe(Optional.of(sandbox), sandbox.description());
        } catch (IOException e) {
            return unavailable("bubblewrap cannot start a sandbox here: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return unavailable("interrupted while probing the sandbox");
        } finally {
            deleteQuietly(workspace);
        }
    }

    private static SandboxProbe unavailable(String why) {
        return new SandboxProbe(Optional.empty(), "no sandbox: " + why);
    }

    private static boolean runningAsRoot() {
        try {
            // /proc/self belongs to the process's effective uid.
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // A leftover empty temp directory is harmless.
        }
    }
}
