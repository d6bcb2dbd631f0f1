package dev.assay.tasks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.tasks.sandbox.TraceEvent.Connect;
import dev.assay.tasks.sandbox.TraceEvent.Exec;
import dev.assay.tasks.sandbox.TraceEvent.FileWrite;
import dev.assay.tasks.sandbox.TraceEvent.SensitiveRead;
import dev.assay.tasks.sandbox.TraceEvent.Signal;
import dev.assay.tasks.sandbox.TraceEvent.Spawn;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceParserTest {

    private final TraceParser parser = new TraceParser(TracePolicy.workspaceOnly("/workspace"));

    // Captured from strace 6.1 -f running a hostile script in the sandbox.
    private static final List<String> CAPTURED = List.of(
            "5     execve(\"/usr/bin/python3\", [\"/usr/bin/python3\", \"-c\", \"\\nimport socket\\n\"...], "
                    + "0x7ffc653b74a0 /* 39 vars */) = 0",
            "5     connect(3<TCP:[1234]>, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"1.1.1.1\")}, 16)"
                    + " = -1 ENETUNREACH (Network is unreachable)",
            "5     openat(AT_FDCWD, \"/etc/shadow\", O_RDONLY|O_CLOEXEC) = -1 EACCES (Permission denied)",
            "5     clone3({flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7fc33abb3000, stack_size=0x9000}, 88"
                    + " <unfinished ...>",
            "6     execve(\"/bin/sh\", [\"sh\", \"-c\", \"curl -sS http://example.com\"], 0x7ffe5a62cbb8 /* 39 vars */"
                    + " <unfinished ...>",
            "5     <... clone3 resumed>)             = 6",
            "6     <... execve resumed>)             = 0",
            "7     execve(\"/usr/bin/curl\", [\"curl\", \"-sS\", \"http://example.com\"], 0x562ddb5c6bc8 /* 39 vars */) = 0",
            "7     connect(3, {sa_family=AF_UNIX, sun_path=\"/var/run/nscd/socket\"}, 110) = -1 ENOENT (No such file)",
            "7     clone3({flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM, "
                    + "child_tid=0x7f69a62ab990, exit_signal=0} => {parent_tid=[8]}, 88) = 8",
            "8     connect(7, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr(\"10.255.255.53\")}, 16)"
                    + " = -1 ENETUNREACH (Network is unreachable)",
            "8     exit(0)                           = ?",
            "5     openat(AT_FDCWD, \"big\", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 4",
            "5     clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f) = -1"
                    + " EAGAIN (Resource temporarily unavailable)",
            "5     --- SIGXFSZ {si_signo=SIGXFSZ, si_code=SI_USER, si_pid=5, si_uid=65534} ---",
            "5     exit_group(1)                     = ?");

    @Test
    void readsConnectsExecsSpawnsAndSignalsFromACapturedTrace() {
        List<TraceEvent> events = new TraceParser(new TracePolicy("/workspace", List.of("/workspace"),
                TracePolicy.SENSITIVE)).parse(CAPTURED);

        assertThat(events).filteredOn(Connect.class::isInstance).containsExactly(
                new Connect(5, "AF_INET", "1.1.1.1", 80, false),
                new Connect(7, "AF_UNIX", "/var/run/nscd/socket", -1, false),
                new Connect(8, "AF_INET", "10.255.255.53", 53, false));
        assertThat(events).filteredOn(Exec.class::isInstance).extracting(e -> ((Exec) e).program())
                .containsExactly("/usr/bin/python3", "/bin/sh", "/usr/bin/curl");
        assertThat(events).contains(new Exec(7, "/usr/bin/curl", List.of("curl", "-sS", "http://example.com"), true));
        assertThat(events).filteredOn(Exec.class::isInstance).first()
                .satisfies(e -> assertThat(((Exec) e).argv()).containsExactly("/usr/bin/python3", "-c", "\nimport socket\n"));
        assertThat(events).contains(new SensitiveRead(5, "/etc/shadow", false));
        assertThat(events).filteredOn(Spawn.class::isInstance)
                .containsExactly(new Spawn(5, 6, false), new Spawn(7, 8, true));
        assertThat(events).contains(new Signal(5, "SIGXFSZ"));
        assertThat(events).contains(new TraceEvent.SpawnRefused(5, "EAGAIN"));
        // "big" is relative to the workspace: allowed, so not an event.
        assertThat(events).noneMatch(FileWrite.class::isInstance);
    }

    @Test
    void reportsWritesOutsideTheWorkspaceResolvingDirectoryFds() {
        List<TraceEvent> events = parser.parse(List.of(
                "10 openat(AT_FDCWD, \"/root/.ssh/authorized_keys\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = -1 ENOENT (No)",
                "10 openat(AT_FDCWD, \"/tmp/assay-escape\", O_WRONLY|O_CREAT|O_TRUNC|O_CLOEXEC, 0666) = 3</tmp/x>",
                "10 unlinkat(4</usr/lib/python3>, \"site.py\", 0) = -1 EROFS (Read-only file system)",
                "10 unlinkat(4</workspace/build>, \"x.o\", 0) = 0",
                "10 rename(\"/workspace/a\", \"/etc/cron.d/job\") = -1 EROFS (Read-only file system)",
                "10 creat(\"../escape\", 0644) = -1 EACCES (Permission denied)",
                "10 openat(AT_FDCWD, \"/dev/null\", O_WRONLY) = 3</dev/null>",
                "10 openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3</etc/passwd>"));

        assertThat(events).containsExactly(
                new SensitiveRead(10, "/root/.ssh/authorized_keys", false),
                new FileWrite(10, "openat", "/root/.ssh/authorized_keys", false),
                new FileWrite(10, "openat", "/tmp/assay-escape", true),
                new FileWrite(10, "unlinkat", "/usr/lib/python3/site.py", false),
                new FileWrite(10, "rename", "/etc/cron.d/job", false),
                new FileWrite(10, "creat", "/escape", false));
    }

    @Test
    void readsIpv6AndUdpDestinationsAndForks() {
        List<TraceEvent> events = parser.parse(List.of(
                "3 connect(5, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), "
                        + "inet_pton(AF_INET6, \"2606:4700::1111\", &sin6_addr), sin6_scope_id=0}, 28) = -1 ENETUNREACH (x)",
                "3 sendto(5, \"\\1\\2\", 2, MSG_NOSIGNAL, {sa_family=AF_INET, sin_port=htons(53), "
                        + "sin_addr=inet_addr(\"8.8.8.8\")}, 16) = -1 ENETUNREACH (Network is unreachable)",
                "3 fork() = 4",
                "3 fork() = -1 EAGAIN (Resource temporarily unavailable)",
                "[pid     4] execve(\"/bin/true\", [\"true\"], 0x1 /* 0 vars */) = -1 ENOENT (No such file)"));

        assertThat(events).containsExactly(
                new Connect(3, "AF_INET6", "2606:4700::1111", 443, false),
                new Connect(3, "AF_INET", "8.8.8.8", 53, false),
                new Spawn(3, 4, false),
                new TraceEvent.SpawnRefused(3, "EAGAIN"),
                new Exec(4, "/bin/true", List.of("true"), false));
    }

    @Test
    void decodesEscapedStrings() {
        assertThat(StraceArgs.unescape("a\\\"b\\n\\x41\\101\\\\")).isEqualTo("a\"b\nAA\\");
        assertThat(StraceArgs.split("3, {a=1, b=[2, 3]}, \"x, y\", f(1, 2)"))
                .containsExactly("3", "{a=1, b=[2, 3]}", "\"x, y\"", "f(1, 2)");
    }
}
