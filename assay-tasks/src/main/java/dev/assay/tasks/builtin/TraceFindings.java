package dev.assay.tasks.builtin;

import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Severity;
import dev.assay.tasks.sandbox.Strace;
import dev.assay.tasks.sandbox.TraceEvent;
import dev.assay.tasks.sandbox.TracePolicy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges a traced step's events beyond its {@link TraceBaseline}: network attempts and sensitive reads are
 * critical, writes outside the environment and workspace errors, programs the tool does not start itself
 * warnings. Each distinct attempt is one finding, however often it was repeated.
 */
final class TraceFindings {

    private TraceFindings() {
    }

    /** The findings of the trace at {@code traceFile}, written by a step whose workspace was {@code workspaceInside}. */
    static List<Finding> of(Path traceFile, String workspaceInside, TraceBaseline baseline) throws IOException {
        List<String> writable = new ArrayList<>(TracePolicy.workspaceOnly(workspaceInside).allowedWritePrefixes());
        writable.addAll(baseline.writablePaths());
        TracePolicy policy = new TracePolicy(workspaceInside, writable, TracePolicy.SENSITIVE);
        return of(Strace.events(traceFile, policy), baseline);
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

    private static Finding finding(TraceEvent event, TraceBaseline baseline) {
        if (event instanceof TraceEvent.Connect c) {
            return connect(c);
        }
        if (event instanceof TraceEvent.FileWrite w) {
            return Finding.of(Severity.ERROR, "write-outside", "writes " + w.path() + " (" + w.syscall() + ", "
                    + attempt(w.succeeded()) + "), outside the environment and workspace");
        }
        if (event instanceof TraceEvent.SensitiveRead r) {
            return Finding.of(Severity.CRITICAL, "sensitive-read",
                    "opens the sensitive path " + r.path() + " (" + attempt(r.succeeded()) + ")");
        }
        if (event instanceof TraceEvent.Exec e && !e.program().isEmpty() && !baseline.expected(e.program())) {
            String name = e.program().substring(e.program().lastIndexOf('/') + 1);
            // A program looked up on PATH fails once per directory; one finding names the attempt.
            return Finding.of(Severity.WARNING, "process-started",
                    "starts " + name + ": " + String.join(" ", e.argv()));
        }
        return null;
    }

    private static Finding connect(TraceEvent.Connect c) {
        return switch (c.family()) {
            case "AF_INET", "AF_INET6" -> Finding.of(Severity.CRITICAL, "network-attempt",
                    "connects to " + c.address() + ":" + c.port() + " (" + c.family() + ", " + attempt(c.succeeded())
                            + ")");
            // Local sockets (a D-Bus or nscd socket) reach other programs on the machine, not the internet.
            case "AF_UNIX" -> c.address().isEmpty() ? null : Finding.of(Severity.WARNING, "local-socket",
                    "connects to the local socket " + c.address() + " (" + attempt(c.succeeded()) + ")");
            default -> null;
        };
    }

    private static String attempt(boolean succeeded) {
        return succeeded ? "succeeded inside the sandbox" : "blocked";
    }
}
