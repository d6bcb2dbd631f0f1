package dev.assay.tasks.builtin;

import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Severity;
import dev.assay.tasks.sandbox.Limit;
import dev.assay.tasks.sandbox.Strace;
import dev.assay.tasks.sandbox.TraceEvent;
import dev.assay.tasks.sandbox.TracePolicy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Judges a traced step's events beyond its {@link TraceBaseline}: network attempts, sensitive reads and
 * writes to sensitive paths are critical; other writes outside the environment and workspace, network
 * clients started and the sandbox's limits hit are errors; other programs the tool does not start itself
 * are warnings. Each distinct attempt is one finding, however often it was repeated.
 */
final class TraceFindings {

    static final Set<String> NAME_SERVICE_SOCKETS = Set.of("/var/run/nscd/socket", "/run/nscd/socket");

    /** Programs whose only business is reaching other machines. */
    private static final Set<String> NETWORK_CLIENTS = Set.of("curl", "wget", "nc", "ncat", "netcat", "socat",
            "ssh", "scp", "sftp", "rsync", "ftp", "telnet");

    private TraceFindings() {
    }

    /** The findings of the trace at {@code traceFile}, written by a step whose workspace was {@code workspaceInside}. */
    static List<Finding> of(Path traceFile, String workspaceInside, TraceBaseline baseline) throws IOException {
        return of(events(traceFile, workspaceInside, baseline), baseline);
    }

    /** The events of the trace, writes counted outside the workspace and the baseline's writable paths only. */
    static List<TraceEvent> events(Path traceFile, String workspaceInside, TraceBaseline baseline) throws IOException {
        List<String> writable = new ArrayList<>(TracePolicy.workspaceOnly(workspaceInside).allowedWritePrefixes());
        writable.addAll(baseline.writablePaths());
        return Strace.events(traceFile, new TracePolicy(workspaceInside, writable, TracePolicy.SENSITIVE));
    }

    static List<Finding> of(List<TraceEvent> events, TraceBaseline baseline) {
        Set<Finding> findings = new LinkedHashSet<>();
        for (TraceEvent event : events) {
            Finding finding = finding(event, baseline);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return List.copyOf(findings);
    }

    /** The same finding for a limit however it was noticed: by the sandbox, or by a signal or refusal in the trace. */
    static Finding limitHit(Limit limit) {
        String what = switch (limit) {
            case MEMORY -> "memory limit";
            case PROCESSES -> "process limit (a fork was refused or the pids cgroup hit its maximum)";
            case CPU_TIME -> "CPU time limit";
            case FILE_SIZE -> "file size limit (a write grew a file beyond it)";
            case WALL_TIME -> "wall time limit (it was still running and was killed)";
            case WORKSPACE_SIZE -> "workspace size limit (the job's workspace grew beyond it and the run was killed)";
        };
        return Finding.of(Severity.ERROR, "limit-hit", "ran into the sandbox's " + what);
    }

    /** What a run left running in the sandbox when it exited, killed then, named by command line. */
    static Finding leftRunning(String commandLine) {
        return Finding.of(Severity.WARNING, "left-running", "left running when it exited (killed): " + commandLine);
    }

    /** The limits' names as the raw data records them. */
    static List<String> names(Set<Limit> limits) {
        return limits.stream().sorted().map(limit -> limit.name().toLowerCase(Locale.ROOT)).toList();
    }

    private static Finding finding(TraceEvent event, TraceBaseline baseline) {
        if (event instanceof TraceEvent.Connect c) {
            return connect(c);
        }
        if (event instanceof TraceEvent.FileWrite w) {
            boolean sensitive = TracePolicy.SENSITIVE.stream().anyMatch(p -> p.matcher(w.path()).matches());
            return Finding.of(sensitive ? Severity.CRITICAL : Severity.ERROR, "write-outside", "writes " + w.path()
                    + " (" + w.syscall() + ", " + attempt(w.succeeded()) + "), outside the environment and workspace");
        }
        if (event instanceof TraceEvent.SensitiveRead r) {
            return Finding.of(Severity.CRITICAL, "sensitive-read",
                    "opens the sensitive path " + r.path() + " (" + attempt(r.succeeded()) + ")");
        }
        if (event instanceof TraceEvent.Exec e && !e.program().isEmpty() && !baseline.expected(e.program())) {
            String name = e.program().substring(e.program().lastIndexOf('/') + 1);
            // A program looked up on PATH fails once per directory; one finding names the attempt.
            return Finding.of(NETWORK_CLIENTS.contains(name) ? Severity.ERROR : Severity.WARNING, "process-started",
                    "starts " + name + ": " + String.join(" ", e.argv()));
        }
        if (event instanceof TraceEvent.Signal s) {
            return switch (s.name()) {
                case "SIGXFSZ" -> limitHit(Limit.FILE_SIZE);
                case "SIGXCPU" -> limitHit(Limit.CPU_TIME);
                default -> null;
            };
        }
        if (event instanceof TraceEvent.SpawnRefused refused && refused.error().equals("EAGAIN")) {
            return limitHit(Limit.PROCESSES);
        }
        return null;
    }

    private static Finding connect(TraceEvent.Connect c) {
        return switch (c.family()) {
            case "AF_INET", "AF_INET6" -> Finding.of(Severity.CRITICAL, "network-attempt",
                    "connects to " + c.address() + ":" + c.port() + " (" + c.family() + ", " + attempt(c.succeeded())
                            + ")");
            // Local sockets (a D-Bus socket) reach other programs on the machine, not the internet. glibc's user
            // and host lookups try nscd's on their own (tarfile naming a file's owner does), whatever the package.
            case "AF_UNIX" -> c.address().isEmpty() || NAME_SERVICE_SOCKETS.contains(c.address()) ? null
                    : Finding.of(Severity.WARNING, "local-socket",
                    "connects to the local socket " + c.address() + " (" + attempt(c.succeeded()) + ")");
            default -> null;
        };
    }

    private static String attempt(boolean succeeded) {
        return succeeded ? "succeeded inside the sandbox" : "blocked";
    }
}
