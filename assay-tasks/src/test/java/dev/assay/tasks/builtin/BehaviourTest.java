package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BehaviourTest {

    private final TraceBaseline baseline = new TraceBaseline(Set.of("uname"), List.of("/var/cache/tool"));

    @Test
    void namesEachNetworkAttemptProgramWriteAndVenvLibraryOnceBeyondTheBaseline(@TempDir Path dir) throws Exception {
        Path trace = Files.write(dir.resolve("import.trace"), List.of(
                "5     connect(3<TCP:[1234]>, {sa_family=AF_INET, sin_port=htons(443), "
                        + "sin_addr=inet_addr(\"203.0.113.9\")}, 16) = -1 ENETUNREACH (Network is unreachable)",
                "5     connect(3<TCP:[1235]>, {sa_family=AF_INET, sin_port=htons(443), "
                        + "sin_addr=inet_addr(\"203.0.113.9\")}, 16) = -1 ENETUNREACH (Network is unreachable)",
                "5     connect(4, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT (No such file)",
                "6     execve(\"/usr/bin/curl\", [\"curl\", \"http://x/\"], 0x7ffd /* 9 vars */) = 0",
                "6     execve(\"/usr/bin/uname\", [\"uname\", \"-rs\"], 0x7ffd /* 9 vars */) = 0",
                "5     openat(AT_FDCWD</workspace>, \"/tmp/dropped\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 3</tmp/dropped>",
                "5     openat(AT_FDCWD</workspace>, \"/var/cache/tool/x\", O_WRONLY|O_CREAT, 0666) = 3</var/cache/tool/x>",
                "5     openat(AT_FDCWD</workspace>, \"/workspace/venv/lib/python3.11/site-packages/fast/_speed.cpython-311-x86_64-linux-gnu.so\", O_RDONLY|O_CLOEXEC) = 3</x.so>",
                "5     openat(AT_FDCWD</workspace>, \"/usr/lib/python3/dist-packages/site-packages/other.so\", O_RDONLY|O_CLOEXEC) = 3</x.so>",
                "5     openat(AT_FDCWD</workspace>, \"/workspace/venv/lib/python3.11/site-packages/gone.so\", O_RDONLY|O_CLOEXEC) = -1 ENOENT (No such file or directory)"));

        assertThat(Behaviour.of(trace, "/workspace", baseline)).containsExactly(
                Map.of("kind", "network", "value", "203.0.113.9:443"),
                Map.of("kind", "program", "value", "curl"),
                Map.of("kind", "file-write", "value", "/tmp/dropped"),
                Map.of("kind", "native-lib", "value", "fast/_speed.cpython-311-x86_64-linux-gnu.so"));
    }

    @Test
    void namesTheEnvironmentVariablesReadBeyondTheBaselineAfterTheTracesItems(@TempDir Path dir) throws Exception {
        Path trace = Files.write(dir.resolve("import.trace"), List.of(
                "6     execve(\"/usr/bin/curl\", [\"curl\", \"http://x/\"], 0x7ffd /* 9 vars */) = 0"));
        Path envReads = Files.write(dir.resolve("import.env-reads"),
                List.of("PYTHONUSERBASE", "AWS_SECRET_ACCESS_KEY", "HOME", "AWS_SECRET_ACCESS_KEY"));
        TraceBaseline interpreter = new TraceBaseline(Set.of(), List.of(), "measured", Set.of("PYTHONUSERBASE", "HOME"));

        assertThat(Behaviour.of(trace, envReads, "/workspace", interpreter)).containsExactly(
                Map.of("kind", "program", "value", "curl"),
                Map.of("kind", "env", "value", "AWS_SECRET_ACCESS_KEY"));
        assertThat(TraceBaseline.fromRawData(interpreter.toRawData())).isEqualTo(interpreter);
        TraceBaseline fallback = new TraceBaseline(Set.of(), List.of(), "fallback: measuring failed");
        assertThat(Behaviour.of(trace, envReads, "/workspace", fallback)).as("the tools' reads are not known")
                .containsExactly(Map.of("kind", "program", "value", "curl"));
    }

    @Test
    void aStepWithoutATraceDidNothingThatCanBeSeen(@TempDir Path dir) throws Exception {
        assertThat(Behaviour.of(dir.resolve("missing.trace"), "/workspace", baseline)).isEmpty();
    }
}
