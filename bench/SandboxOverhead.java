import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxCommand;
import dev.assay.tasks.sandbox.SandboxResult;
import dev.assay.tasks.sandbox.Strace;

/**
 * The sandbox's cost: each command run bare, in a minimal bwrap (the floor: fresh namespaces, the host
 * read-only, a fresh /tmp), in the sandbox as the pipeline runs it ({@code Sandbox.run}, output merged by {@code sh}) and in
 * the sandbox under strace -f, one after the other, RUNS times a round, ROUNDS rounds. Prints each round's
 * medians and the ms over bare (median and spread of the rounds); writes one file of "measure baseline" lines per
 * comparison into OUT for bench/lib/ratio.py. Launched by bench/sandbox.sh.
 */
public class SandboxOverhead {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/local/bin:/usr/bin:/bin", "LANG", "C.UTF-8",
            "HOME", "/tmp", "PYTHONDONTWRITEBYTECODE", "1", "PYTHONNOUSERSITE", "1");
    private static final List<String> MODES = List.of("bare", "bwrap", "sandboxed", "traced");

    private interface Run {
        void run() throws Exception;
    }

    public static void main(String[] args) throws Exception {
        int runs = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path workspace = Path.of(args[2]);
        Path out = Path.of(args[3]);
        Sandbox sandbox = Sandbox.probe().require();
        System.err.println("sandbox: " + sandbox.description());
        SandboxOverhead bench = new SandboxOverhead(sandbox, Strace.debian(), workspace, runs, rounds, out);
        bench.measure("python3-pass", "python3 -c pass", "", List.of("/usr/bin/python3", "-c", "pass"));
        bench.measure("pytest", "pytest, 20 tests", "project",
                List.of("/usr/bin/python3", "-m", "pytest", "-q", "-p", "no:cacheprovider"));
    }

    private final Sandbox sandbox;
    private final Strace strace;
    private final Path workspace;
    private final int runs;
    private final int rounds;
    private final Path out;

    SandboxOverhead(Sandbox sandbox, Strace strace, Path workspace, int runs, int rounds, Path out) {
        this.sandbox = sandbox;
        this.strace = strace;
        this.workspace = workspace;
        this.runs = runs;
        this.rounds = rounds;
        this.out = out;
    }

    private void measure(String key, String label, String dir, List<String> argv) throws Exception {
        Map<String, Run> modes = modes(dir, argv);
        // One of each first, outside the figures: page cache, JIT, the sandbox's classes.
        for (Run run : modes.values()) {
            run.run();
        }
        Map<String, double[]> medians = new LinkedHashMap<>();
        MODES.forEach(mode -> medians.put(mode, new double[rounds]));
        for (int round = 0; round < rounds; round++) {
            Map<String, long[]> times = new LinkedHashMap<>();
            MODES.forEach(mode -> times.put(mode, new long[runs]));
            for (int i = 0; i < runs; i++) {
                for (String mode : MODES) {
                    times.get(mode)[i] = micros(modes.get(mode));
                }
            }
            StringBuilder line = new StringBuilder(String.format("  %-34s round %d:", label, round + 1));
            for (String mode : MODES) {
                medians.get(mode)[round] = median(times.get(mode)) / 1000.0;
                line.append(String.format(" %s %.1f", mode, medians.get(mode)[round]));
            }
            System.err.println(line.append(" ms"));
        }
        for (String mode : List.of("bwrap", "sandboxed", "traced")) {
            overBare(label + ", " + mode, medians.get(mode), medians.get("bare"),
                    mode.equals("sandboxed") ? " (goal <= 15 ms)" : "");
            pairs(key + "." + mode + "-bare", medians.get(mode), medians.get("bare"));
        }
        pairs(key + ".sandboxed-bwrap", medians.get("sandboxed"), medians.get("bwrap"));
    }

    private Map<String, Run> modes(String dir, List<String> argv) {
        Path hostDir = workspace.resolve(dir);
        List<String> merged = new ArrayList<>(List.of("/bin/sh", "-c", "exec \"$@\" 2>&1", "sh"));
        merged.addAll(argv);
        SandboxCommand command = SandboxCommand.of(workspace, merged).withEnvironment(ENV).withWorkingDirectory(dir);
        List<String> minimal = new ArrayList<>(List.of("/usr/bin/bwrap", "--unshare-all", "--die-with-parent",
                "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp", "--bind", workspace.toString(),
                workspace.toString(), "--chdir", hostDir.toString(), "--"));
        minimal.addAll(argv);
        Map<String, Run> modes = new LinkedHashMap<>();
        modes.put("bare", () -> host(hostDir, argv));
        modes.put("bwrap", () -> host(hostDir, minimal));
        modes.put("sandboxed", () -> check(sandbox.run(command)));
        modes.put("traced", () -> {
            check(sandbox.run(strace.traced(sandbox, command, "bench.trace")));
            Files.deleteIfExists(workspace.resolve("bench.trace"));
        });
        return modes;
    }

    private static void overBare(String label, double[] measure, double[] bare, String goal) {
        double[] over = new double[measure.length];
        for (int i = 0; i < over.length; i++) {
            over[i] = measure[i] - bare[i];
        }
        double[] sorted = over.clone();
        Arrays.sort(sorted);
        System.out.printf("%-36s %+.1f ms over bare (rounds %+.1f to %+.1f, n=%d)%s%n", label, median(over),
                sorted[0], sorted[sorted.length - 1], over.length, goal);
    }

    private void pairs(String name, double[] measure, double[] baseline) throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < measure.length; i++) {
            lines.append(measure[i]).append(' ').append(baseline[i]).append('\n');
        }
        Files.writeString(out.resolve(name), lines);
    }

    private static long micros(Run run) throws Exception {
        long start = System.nanoTime();
        run.run();
        return (System.nanoTime() - start) / 1000;
    }

    private static void host(Path dir, List<String> argv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(ENV);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("run failed: " + argv + ": " + new String(output));
        }
    }

    private static void check(SandboxResult result) {
        if (!result.succeeded()) {
            throw new IllegalStateException("sandboxed run failed: " + result);
        }
    }

    private static double median(long[] values) {
        return median(Arrays.stream(values).asDoubleStream().toArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }
}
