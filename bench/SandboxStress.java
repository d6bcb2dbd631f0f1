import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxCommand;
import dev.assay.tasks.sandbox.SandboxLimits;
import dev.assay.tasks.sandbox.SandboxResult;
import dev.assay.tasks.sandbox.Strace;

/**
 * A probe for sandbox runs that end wrongly under load: threads run traced commands that succeed (file access
 * plus a curl that cannot connect, like the hostile-access test) side by side with the hostile commands of the
 * sandbox tests (a fork bomb, a memory hog, a double-forked sleeper, traced and not). Launched by
 * bench/sandbox-stress.sh; prints every run that ended other than expected and a summary.
 */
public class SandboxStress {

    private static final Map<String, String> ENV = Map.of("PATH", "/usr/bin:/bin", "LANG", "C.UTF-8");
    private static final Duration WALL = Duration.ofSeconds(120);
    private static final String TRACED = """
            import subprocess
            for path in ("/root/.ssh/authorized_keys", "/tmp/escape"):
                try:
                    open(path, "w").write("ssh-ed25519 AAAA attacker")
                except OSError as e:
                    print("denied", path, e.errno)
            print("curl", subprocess.call(["curl", "-sS", "-m", "5", "http://1.1.1.1/"]))
            """;
    private static final String FORK_BOMB = """
            import os, time
            for _ in range(10000):
                try:
                    if os.fork() == 0:
                        time.sleep(600)
                        os._exit(0)
                except OSError:
                    break
            """;
    private static final String MEMORY_HOG = "hog = [bytearray(64 << 20) for _ in range(64)]";
    private static final String SLEEPER = "(setsid sleep 1000.%d &); until pgrep -fx 'sleep 1000.%d' >/dev/null;"
            + " do :; done";

    private final Sandbox sandbox;
    private final Strace strace = Strace.debian();
    private final Path root;
    private final AtomicInteger counter = new AtomicInteger();
    private final Map<String, AtomicInteger> tally = new ConcurrentHashMap<>();

    SandboxStress(Sandbox sandbox, Path root) {
        this.sandbox = sandbox;
        this.root = root;
    }

    public static void main(String[] args) throws Exception {
        int iterations = Integer.parseInt(args[0]);
        int threads = Integer.parseInt(args[1]);
        SandboxStress stress = new SandboxStress(Sandbox.probe().require(), Path.of(args[2]));
        System.out.println("sandbox: " + stress.sandbox.description());
        ExecutorService pool = Executors.newFixedThreadPool(threads + 1);
        List<Future<?>> runs = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            runs.add(pool.submit(() -> stress.loop(iterations, stress::traced)));
        }
        runs.add(pool.submit(() -> stress.loop(Math.max(1, iterations / 4), stress::hostile)));
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        System.out.println("summary: " + new java.util.TreeMap<>(stress.tally));
    }

    private interface Run {
        void run(Path workspace, int n) throws Exception;
    }

    private Void loop(int iterations, Run run) throws Exception {
        for (int i = 0; i < iterations; i++) {
            int n = counter.incrementAndGet();
            Path workspace = Files.createDirectories(root.resolve("run-" + n));
            run.run(workspace, n);
        }
        return null;
    }

    private void traced(Path workspace, int n) throws Exception {
        SandboxResult result = sandbox.run(strace.traced(sandbox, python(workspace, TRACED), "trace.log"));
        boolean ok = result.exitCode() == 0 && result.leftRunning().isEmpty() && !result.timedOut();
        report("traced", n, ok, result);
    }

    private void hostile(Path workspace, int n) throws Exception {
        switch (n % 4) {
            case 0 -> report("fork-bomb", n, true, sandbox.run(python(workspace, FORK_BOMB)
                    .withLimits(SandboxLimits.defaults().withMaxProcesses(40).withWallTime(WALL))));
            case 1 -> report("memory-hog", n, true, sandbox.run(python(workspace, MEMORY_HOG)
                    .withLimits(SandboxLimits.defaults().withMemoryBytes(256L << 20).withWallTime(WALL))));
            default -> {
                SandboxCommand sleeper = SandboxCommand.of(workspace,
                        List.of("/bin/sh", "-c", SLEEPER.formatted(n, n))).withEnvironment(ENV)
                        .withLimits(SandboxLimits.defaults().withWallTime(WALL));
                String kind = n % 4 == 2 ? "sleeper" : "traced-sleeper";
                SandboxResult result = sandbox.run(n % 4 == 2 ? sleeper : strace.traced(sandbox, sleeper, "t.log"));
                boolean ok = result.exitCode() == 0 && result.leftRunning().equals(List.of("sleep 1000." + n));
                report(kind, n, ok, result);
            }
        }
    }

    private void report(String kind, int n, boolean ok, SandboxResult result) {
        tally.computeIfAbsent(kind + (ok ? " ok" : " WRONG"), k -> new AtomicInteger()).incrementAndGet();
        if (!ok) {
            System.out.println("WRONG " + kind + " run " + n + ": exit " + result.exitCode() + ", timed out "
                    + result.timedOut() + ", limits " + result.limitsHit() + ", left running "
                    + result.leftRunning().stream().map(l -> l.substring(0, Math.min(60, l.length()))).toList()
                    + ", stderr " + result.stderr().strip());
        }
    }

    private static SandboxCommand python(Path workspace, String script) {
        return SandboxCommand.of(workspace, List.of("/usr/bin/python3", "-c", script)).withEnvironment(ENV)
                .withLimits(SandboxLimits.defaults().withWallTime(WALL));
    }
}
