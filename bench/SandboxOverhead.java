import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxCommand;
import dev.assay.tasks.sandbox.SandboxResult;
import dev.assay.tasks.sandbox.Strace;

/**
 * The sandbox's cost: the same commands run bare, in the bubblewrap sandbox, and in the sandbox under
 * strace -f (as install, import, build and test run). Launched by bench/sandbox.sh; prints medians.
 */
public class SandboxOverhead {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8",
            "HOME", "/tmp", "PYTHONDONTWRITEBYTECODE", "1");

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        Path workspace = Path.of(args[1]);
        Sandbox sandbox = Sandbox.probe().require();
        Strace strace = Strace.debian();
        System.out.println("sandbox: " + sandbox.description());
        System.out.printf("%-28s %10s %10s %10s %8s %8s%n", "command (median of " + runs + ")", "bare ms",
                "sandbox ms", "+strace ms", "x sandbox", "x traced");
        measure("python3 -c pass", runs, workspace, sandbox, strace, "", List.of("/usr/bin/python3", "-c", "pass"));
        measure("pytest, 20 tests", runs, workspace, sandbox, strace, "project",
                List.of("/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"));
    }

    private static void measure(String label, int runs, Path workspace, Sandbox sandbox, Strace strace,
            String dir, List<String> argv) throws Exception {
        SandboxCommand command = SandboxCommand.of(workspace, argv).withEnvironment(ENV).withWorkingDirectory(dir);
        long[] bare = new long[runs];
        long[] boxed = new long[runs];
        long[] traced = new long[runs];
        for (int i = 0; i < runs; i++) {
            bare[i] = time(() -> bare(workspace.resolve(dir), argv));
            boxed[i] = time(() -> check(sandbox.run(command)));
            String trace = "bench-" + i + ".trace";
            traced[i] = time(() -> check(sandbox.run(strace.traced(sandbox, command, trace))));
            Files.deleteIfExists(workspace.resolve(trace));
        }
        double b = median(bare);
        double s = median(boxed);
        double t = median(traced);
        System.out.printf("%-28s %10.0f %10.0f %10.0f %8.1f %8.1f%n", label, b, s, t, s / b, t / b);
    }

    private interface Run {
        void run() throws Exception;
    }

    private static long time(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    private static void bare(Path dir, List<String> argv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(ENV);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("bare run failed: " + new String(output));
        }
    }

    private static void check(SandboxResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("sandboxed run failed: " + result);
        }
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
