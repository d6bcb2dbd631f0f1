package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.Severity;
import dev.assay.tasks.sandbox.SandboxLimits;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * What a hostile package tries, as Python statements — connect to a public address and to a listener on the
 * host's 127.0.0.1, write the host user's {@code ~/.ssh/authorized_keys} and a file in {@code /tmp}, read
 * {@code /etc/shadow}, run curl, fork 10,000 processes, write a 5 GB file, sleep forever — and the checks
 * that the trace caught each attempt and none had an effect on the host.
 */
final class HostileActs implements AutoCloseable {

    /**
     * Tight limits, so that the fork bomb, the big file and the endless sleep end soon. Every run waits out the
     * whole wall time (the last act sleeps forever); the attempts before the sleep take about a second, and still
     * fit in 6 s on a loaded machine, so 12 s leaves a margin without waiting half a minute per run.
     */
    static final SandboxLimits LIMITS = SandboxLimits.defaults().withMaxProcesses(64)
            .withMaxFileSizeBytes(64L << 20).withWallTime(Duration.ofSeconds(12));

    private final Path escape = Path.of("/tmp/assay-hostile-" + UUID.randomUUID());
    private final Path authorizedKeys = Path.of(System.getProperty("user.home"), ".ssh", "authorized_keys");
    private final byte[] keysBefore;
    private final ServerSocket listener;

    HostileActs() throws IOException {
        keysBefore = Files.exists(authorizedKeys) ? Files.readAllBytes(authorizedKeys) : null;
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    }

    /** The attempts, as top-level Python statements; each is tried whatever became of the one before. */
    String python() {
        return """
                import os, socket, subprocess, time
                for address in [("1.1.1.1", 443), ("127.0.0.1", %d)]:
                    try:
                        socket.create_connection(address, timeout=3).sendall(b"owned")
                    except OSError:
                        pass
                for path in ["%s", "%s"]:
                    try:
                        os.makedirs(os.path.dirname(path))
                    except OSError:
                        pass
                    try:
                        with open(path, "a") as f:
                            f.write("ssh-ed25519 AAAA owned\\n")
                    except OSError:
                        pass
                try:
                    open("/etc/shadow").read()
                except OSError:
                    pass
                try:
                    subprocess.run(["curl", "-s", "-m", "3", "https://1.1.1.1/"], timeout=10)
                except (OSError, subprocess.SubprocessError):
                    pass
                for _ in range(10000):
                    try:
                        if os.fork() == 0:
                            time.sleep(3600)
                            os._exit(0)
                    except OSError:
                        break
                try:
                    with open("assay-big-file", "wb") as f:
                        for _ in range(5 * 1024):
                            f.write(b"\\0" * (1 << 20))
                except OSError:
                    pass
                time.sleep(10 ** 6)
                """.formatted(listener.getLocalPort(), authorizedKeys, escape);
    }

    /** The report has one finding of the right severity for each attempt. */
    void assertCaughtEachAttempt(Report report) {
        assertThat(report.findings()).extracting(Finding::severity, Finding::code).contains(
                tuple(Severity.CRITICAL, "network-attempt"),
                tuple(Severity.CRITICAL, "write-outside"),
                tuple(Severity.ERROR, "write-outside"),
                tuple(Severity.CRITICAL, "sensitive-read"),
                tuple(Severity.ERROR, "process-started"),
                tuple(Severity.ERROR, "limit-hit"));
        assertThat(report.findings()).extracting(Finding::message)
                .anyMatch(m -> m.startsWith("connects to 1.1.1.1:443"))
                .anyMatch(m -> m.startsWith("connects to 127.0.0.1:" + listener.getLocalPort()))
                .anyMatch(m -> m.startsWith("writes " + authorizedKeys))
                .anyMatch(m -> m.startsWith("writes " + escape))
                .anyMatch(m -> m.startsWith("opens the sensitive path /etc/shadow"))
                .anyMatch(m -> m.startsWith("starts curl"))
                .anyMatch(m -> m.contains("process limit"))
                .anyMatch(m -> m.contains("file size limit"))
                .anyMatch(m -> m.contains("wall time limit"));
    }

    /** Nothing reached the host: its files are as they were, and its listener was never connected to. */
    void assertNoEffectOnTheHost() throws IOException {
        assertThat(escape).doesNotExist();
        if (keysBefore == null) {
            assertThat(authorizedKeys).doesNotExist();
        } else {
            assertThat(Arrays.equals(Files.readAllBytes(authorizedKeys), keysBefore))
                    .as(authorizedKeys + " unchanged").isTrue();
        }
        listener.setSoTimeout(200);
        try (Socket intruder = listener.accept()) {
            throw new AssertionError("the host's listener was connected to from " + intruder.getRemoteSocketAddress());
        } catch (SocketTimeoutException expected) {
            // nobody came
        }
    }

    @Override
    public void close() throws IOException {
        listener.close();
        Files.deleteIfExists(escape);
    }
}
