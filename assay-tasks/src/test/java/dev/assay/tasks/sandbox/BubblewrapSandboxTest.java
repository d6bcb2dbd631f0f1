package dev.assay.tasks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.tasks.sandbox.TraceEvent.Connect;
import dev.assay.tasks.sandbox.TraceEvent.Exec;
import dev.assay.tasks.sandbox.TraceEvent.FileWrite;
import dev.assay.tasks.sandbox.TraceEvent.SensitiveRead;
import dev.assay.tasks.sandbox.TraceEvent.Signal;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BubblewrapSandboxTest {

    private static final String PYTHON = "/usr/bin/python3";
    private static final Duration GENEROUS = Duration.ofSeconds(60);

    @TempDir
    Path workspace;

    private Sandbox sandbox;
    private Strace strace;
    private final String marker = "assay-marker-" + UUID.randomUUID();

    @BeforeEach
    void machine() {
        sandbox = SandboxMachine.requireSandbox();
        strace = SandboxMachine.requireStrace();
    }

    @Test
    void runsAsNobodyWithOnlyTheWorkspaceWritableAndReportsHowEachLimitIsEnforced() throws Exception {
        SandboxResult result = sandbox.run(python("""
                import os
                print(os.getuid(), os.getgid())
                open("made-inside", "w").write("hello")
                print(os.path.exists("/root"), os.path.exists("/home"), os.path.exists("/work"))
                """));

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("65534 65534\nFalse False False\n");
        assertThat(workspace.resolve("made-inside")).hasContent("hello");
        assertThat(result.enforcedLimits()).extracting(EnforcedLimit::limit).contains(Limit.values());
        System.out.println("sandbox: " + sandbox.description());
        result.enforcedLimits().forEach(l -> System.out.println("  " + l.limit() + ": " + l.mechanism()));
    }

    @Test
    void hasNoNetworkNeitherOutsideNorToTheHostsLoopback() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            int port = server.getLocalPort();
            SandboxCommand command = strace.traced(sandbox, python("""
                    import socket, sys
                    for host, port in (("1.1.1.1", 80), ("127.0.0.1", int(sys.argv[1]))):
                        try:
                            socket.create_connection((host, port), timeout=5)
                            print("connected", host)
                        except OSError as e:
                            print("refused", host, e.errno)
                    """, "" + port), "trace.log");

            SandboxResult result = sandbox.run(command);

            assertThat(result.exitCode()).as(result.stderr()).isZero();
            assertThat(result.stdout()).doesNotContain("connected").contains("refused 1.1.1.1", "refused 127.0.0.1");
            server.setSoTimeout(500);
            assertThat(acceptsNothing(server)).isTrue();
            assertThat(events()).filteredOn(Connect.class::isInstance).contains(
                    new Connect(connectPid(), "AF_INET", "1.1.1.1", 80, false),
                    new Connect(connectPid(), "AF_INET", "127.0.0.1", port, false));
        }
    }

    @Test
    void hostileFileAccessAndCurlLeaveNoTraceOnTheHostButInTheTrace() throws Exception {
        String id = UUID.randomUUID().toString();
        Path sshKey = Path.of("/root/.ssh/authorized_keys-" + id);
        Path tmpFile = Path.of("/tmp/assay-escape-" + id);
        SandboxCommand command = strace.traced(sandbox, python("""
                import os, subprocess, sys
                for path in sys.argv[1:3]:
                    try:
                        open(path, "w").write("ssh-ed25519 AAAA attacker")
                        print("wrote", path)
                    except OSError as e:
                        print("denied", path, e.errno)
                try:
                    print("shadow", len(open("/etc/shadow").read()))
                except OSError as e:
                    print("shadow denied", e.errno)
                print("curl", subprocess.call(["curl", "-sS", "-m", "5", "http://1.1.1.1/"]))
                """, sshKey.toString(), tmpFile.toString()), "trace.log");

        SandboxResult result = sandbox.run(command);

        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(sshKey).doesNotExist();
        assertThat(tmpFile).doesNotExist();
        assertThat(result.stdout()).contains("denied " + sshKey, "shadow denied 13").doesNotContain("curl 0");
        List<TraceEvent> events = events();
        assertThat(events).filteredOn(FileWrite.class::isInstance).extracting(e -> ((FileWrite) e).path())
                .contains(sshKey.toString(), tmpFile.toString());
        assertThat(events).contains(new SensitiveRead(connectPid(), "/etc/shadow", false));
        assertThat(events).filteredOn(Exec.class::isInstance).extracting(e -> ((Exec) e).program())
                .anyMatch(program -> program.endsWith("/curl"));
        assertThat(events).filteredOn(Connect.class::isInstance)
                .anyMatch(e -> ((Connect) e).address().equals("1.1.1.1") && !((Connect) e).succeeded());
    }

    @Test
    void forkBombIsCappedByTheProcessLimitAndNothingSurvives() throws Exception {
        SandboxCommand command = forkBomb(40);

        SandboxResult result = sandbox.run(command);

        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).as(result.exitCode() + result.stderr() + result.leftRunning()).startsWith("started ");
        assertThat(Integer.parseInt(result.stdout().strip().substring("started ".length()))).isLessThan(40);
        if (enforcedBy(result, Limit.PROCESSES, "cgroup")) {
            assertThat(result.limitsHit()).contains(Limit.PROCESSES);
        }
        assertThat(SandboxMachine.anyProcessWith(marker)).as("processes left behind").isFalse();
    }

    @Test
    void fiveGigabyteWriteIsStoppedByTheFileSizeLimit() throws Exception {
        SandboxCommand command = strace.traced(sandbox, SandboxCommand.of(workspace,
                        List.of("/bin/sh", "-c", "head -c 5G /dev/zero > big"))
                .withLimits(SandboxLimits.defaults().withMaxFileSizeBytes(10L << 20).withWallTime(GENEROUS)),
                "trace.log");

        SandboxResult result = sandbox.run(command);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.limitsHit()).as(result.exitCode() + result.stdout() + result.stderr() + result.leftRunning()).contains(Limit.FILE_SIZE);
        assertThat(Files.size(workspace.resolve("big"))).isLessThanOrEqualTo(10L << 20);
        assertThat(events()).anyMatch(e -> e instanceof Signal s && s.name().equals("SIGXFSZ"));
    }

    @Test
    void sleepForeverIsKilledAtTheWallTimeWithNoSurvivor() throws Exception {
        SandboxCommand command = SandboxCommand.of(workspace,
                        List.of("/bin/sh", "-c", "sleep 1000 & sleep 1000; echo $0", marker))
                .withLimits(SandboxLimits.defaults().withWallTime(Duration.ofSeconds(3)));

        long started = System.nanoTime();
        SandboxResult result = sandbox.run(command);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(GENEROUS);
        assertThat(result.timedOut()).isTrue();
        assertThat(result.limitsHit()).contains(Limit.WALL_TIME);
        assertThat(SandboxMachine.anyProcessWith(marker)).as("processes left behind").isFalse();
    }

    @Test
    void aDoubleForkedSleeperIsKilledAndNamedWhenTheCommandExits() throws Exception {
        String sleeper = "sleep " + uniqueSeconds();
        SandboxResult result = sandbox.run(SandboxCommand.of(workspace,
                List.of("/bin/sh", "-c", "(setsid " + sleeper + " &); until pgrep -fx '" + sleeper
                        + "' >/dev/null; do :; done; echo main done"))
                .withLimits(SandboxLimits.defaults().withWallTime(GENEROUS)));

        assertThat(result.timedOut()).as("held until the wall time").isFalse();
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("main done\n");
        assertThat(result.leftRunning()).as("stderr: " + result.stderr()).containsExactly(sleeper);
        assertThat(SandboxMachine.anyProcessWith(sleeper)).as("processes left behind").isFalse();
    }

    @Test
    void aTracedCommandIsNotHeldByWhatItLeftRunningEvenWithItsOutputOpen() throws Exception {
        String sleeper = "sleep " + uniqueSeconds();
        SandboxCommand command = strace.traced(sandbox, python("""
                import os, sys
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        os.execv("/bin/sleep", ["sleep", sys.argv[1]])
                    os._exit(0)
                os.wait()
                def sleeping(pid):
                    try:
                        return open("/proc/%s/cmdline" % pid, "rb").read() == b"sleep\\0%s\\0" % sys.argv[1].encode()
                    except OSError:
                        return False
                while not any(sleeping(pid) for pid in os.listdir("/proc") if pid.isdigit()):
                    pass
                print("main done")
                """, sleeper.substring("sleep ".length())), "trace.log");

        SandboxResult result = sandbox.run(command);

        assertThat(result.timedOut()).as("held until the wall time").isFalse();
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("main done\n");
        assertThat(result.leftRunning()).containsExactly(sleeper);
        assertThat(SandboxMachine.anyProcessWith(sleeper)).as("processes left behind").isFalse();
        assertThat(events()).filteredOn(Exec.class::isInstance).extracting(e -> ((Exec) e).program())
                .contains("/bin/sleep");
    }

    @Test
    void theSupervisorSweepsNothingOutsideASandbox() throws Exception {
        // In a pid namespace of its own whose init is not bwrap: were the guard gone, only this namespace's
        // processes could be swept, the sleeper among them, and it would be named.
        String sleeper = "sleep 31" + (System.nanoTime() % 10);
        List<String> argv = new ArrayList<>(List.of("unshare", "--pid", "--fork", "--mount-proc", "sh", "-c",
                "\"$@\"; echo swept", "outer"));
        argv.addAll(Supervisor.supervised(List.of("sh", "-c", "setsid " + sleeper + " >/dev/null 2>&1 & echo main")));

        ProcessBuilder unshared = new ProcessBuilder(argv).redirectErrorStream(true);
        Process process = unshared.start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();

        Supervisor.Split split = Supervisor.split(output);
        assertThat(split.leftRunning()).as(output).singleElement().asString()
                .startsWith("(not listed: the supervisor runs outside a sandbox");
        assertThat(split.output()).isEqualTo("main\nswept\n");
    }

    @Test
    void theSupervisorNeverTakesABusyAncestorForALeftover() throws Exception {
        // The parent alternates between running and sleeping while each supervisor runs, as strace does while
        // it traces one: a status file read line by line then shifts under the reader and loses PPid:.
        List<String> runs = new ArrayList<>(List.of("200"));
        runs.addAll(Supervisor.supervised(List.of("/bin/true")));

        SandboxResult result = sandbox.run(python("""
                import subprocess, sys, time
                def flip():
                    started = time.perf_counter()
                    while time.perf_counter() - started < 0.00005:
                        pass
                    time.sleep(0.00005)
                for run in range(int(sys.argv[1])):
                    child = subprocess.Popen(sys.argv[2:])
                    while child.poll() is None:
                        flip()
                    if child.returncode:
                        print("run", run, "exit", child.returncode)
                print("runs done")
                """, runs.toArray(String[]::new)));

        assertThat(result.leftRunning()).as("taken for leftovers, exit " + result.exitCode()).isEmpty();
        assertThat(result.exitCode()).as(result.stderr()).isZero();
        assertThat(result.stdout()).isEqualTo("runs done\n");
    }

    @Test
    void aCommandFillingTheWorkspaceIsStoppedAtItsLimitAndTmpIsCappedToo() throws Exception {
        SandboxCommand command = python("""
                import os
                try:
                    with open("/tmp/filler", "wb") as f:
                        for _ in range(100):
                            f.write(bytes(1 << 20))
                    print("filled /tmp")
                except OSError as e:
                    print("tmp refused", e.errno, flush=True)
                chunk = bytes(1 << 20)
                for i in range(200):
                    with open("part-%d" % i, "wb") as f:
                        for _ in range(10):
                            f.write(chunk)
                print("wrote 2 GB")
                """).withLimits(SandboxLimits.defaults().withWorkspaceBytes(50L << 20).withWallTime(GENEROUS));

        SandboxResult result = sandbox.run(command);

        assertThat(result.limitsHit()).containsExactly(Limit.WORKSPACE_SIZE);
        assertThat(result.timedOut()).isFalse();
        assertThat(result.stdout()).contains("tmp refused 28").doesNotContain("wrote 2 GB");
        assertThat(WorkspaceWatch.size(workspace)).isGreaterThan(50L << 20).isLessThan(2000L << 20);
    }

    @Test
    void memoryHogIsStopped() throws Exception {
        SandboxCommand command = python("""
                hog = []
                for _ in range(64):
                    hog.append(bytearray(64 << 20))
                print("allocated 4 GB")
                """).withLimits(SandboxLimits.defaults().withMemoryBytes(256L << 20).withWallTime(GENEROUS));

        SandboxResult result = sandbox.run(command);

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.stdout()).doesNotContain("allocated");
        if (enforcedBy(result, Limit.MEMORY, "cgroup")) {
            assertThat(result.limitsHit()).contains(Limit.MEMORY);
        } else {
            assertThat(result.stderr()).contains("MemoryError");
        }
    }

    @Test
    void eachCommandOfAWorkspaceGetsItsOwnLimitsAndLeavesNothingBehind() throws Exception {
        SandboxCommand bomb = forkBomb(20);

        for (int command = 1; command <= 3; command++) {
            SandboxResult result = sandbox.run(bomb);

            assertThat(result.stdout()).as("command " + command + ": " + result.stderr()).startsWith("started ");
            assertThat(Integer.parseInt(result.stdout().strip().substring("started ".length()))).isLessThan(20);
            if (enforcedBy(result, Limit.PROCESSES, "cgroup")) {
                assertThat(result.limitsHit()).as("command " + command).contains(Limit.PROCESSES);
            }
            assertThat(result.leftRunning()).as("command " + command).isNotEmpty();
            assertThat(SandboxMachine.anyProcessWith(marker)).as("left behind by command " + command).isFalse();
        }
    }

    @Test
    void whatTheWorkerAddsBetweenTwoCommandsIsTheNextCommandsToWrite() throws Exception {
        SandboxResult first = sandbox.run(python("""
                import os
                os.makedirs("built/lib")
                open("built/lib/first", "w").write("1")
                """));
        Path added = Files.createDirectories(workspace.resolve("built/lib/added"));
        Files.writeString(added.resolve("input"), "from the worker");
        Files.writeString(workspace.resolve("built/lib/first"), "rewritten by the worker");

        SandboxResult second = sandbox.run(python("""
                open("built/lib/added/input", "a").write(", appended")
                open("built/lib/added/new", "w").write("2")
                open("built/lib/first", "a").write(", appended")
                """));

        assertThat(first.exitCode()).as(first.stderr()).isZero();
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        assertThat(added.resolve("input")).hasContent("from the worker, appended");
        assertThat(added.resolve("new")).hasContent("2");
        assertThat(workspace.resolve("built/lib/first")).hasContent("rewritten by the worker, appended");
    }

    /** Forks sleepers (their command line carries the marker) until refused; prints how many it started. */
    private SandboxCommand forkBomb(int maxProcesses) {
        return python("""
                import os, sys, time
                started = 0
                for _ in range(10000):
                    try:
                        if os.fork() == 0:
                            time.sleep(600)
                            os._exit(0)
                        started += 1
                    except OSError:
                        break
                print("started", started)
                """, marker).withLimits(SandboxLimits.defaults().withMaxProcesses(maxProcesses).withWallTime(GENEROUS));
    }

    private SandboxCommand python(String script, String... args) {
        List<String> argv = new ArrayList<>(List.of(PYTHON, "-c", script));
        argv.addAll(List.of(args));
        return SandboxCommand.of(workspace, argv).withEnvironment(Map.of("PATH", "/usr/bin:/bin"))
                .withLimits(SandboxLimits.defaults().withWallTime(GENEROUS));
    }

    /** A sleep of a thousand seconds no other process on this machine sleeps, to find it by. */
    private static String uniqueSeconds() {
        return "1000." + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
    }

    private List<TraceEvent> events() throws IOException {
        return Strace.events(workspace.resolve("trace.log"), TracePolicy.workspaceOnly("/workspace"));
    }

    /** The traced python is the sandbox's third process: bwrap's init, prlimit/strace, then python. */
    private int connectPid() throws IOException {
        return events().stream().filter(e -> e instanceof Exec x && x.program().equals(PYTHON))
                .mapToInt(TraceEvent::pid).findFirst().orElseThrow();
    }

    private static boolean enforcedBy(SandboxResult result, Limit limit, String mechanism) {
        return result.enforcedLimits().stream()
                .anyMatch(l -> l.limit() == limit && l.mechanism().contains(mechanism));
    }

    private static boolean acceptsNothing(ServerSocket server) throws IOException {
        try {
            server.accept().close();
            return false;
        } catch (SocketTimeoutException expected) {
            return true;
        }
    }
}
