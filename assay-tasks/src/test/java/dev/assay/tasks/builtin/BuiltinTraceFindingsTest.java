package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Severity;
import dev.assay.tasks.sandbox.TraceEvent;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuiltinTraceFindingsTest {

    private final TraceBaseline pip = new TraceBaseline(TraceBaseline.PIP_PROGRAMS, List.of());

    @Test
    void judgesEachKindOfEventWithItsSeverityOnceHoweverOftenRepeated() {
        List<Finding> findings = TraceFindings.of(List.of(
                new TraceEvent.Connect(5, "AF_INET", "1.1.1.1", 80, false),
                new TraceEvent.Connect(5, "AF_INET", "1.1.1.1", 80, false),
                new TraceEvent.Connect(5, "AF_NETLINK", "", -1, true),
                new TraceEvent.FileWrite(5, "openat", "/root/.ssh/authorized_keys", false),
                new TraceEvent.SensitiveRead(5, "/etc/shadow", false),
                new TraceEvent.Exec(6, "/usr/bin/curl", List.of("curl", "http://1.1.1.1/"), true),
                new TraceEvent.Exec(6, "/usr/bin/make", List.of("make"), true),
                new TraceEvent.FileWrite(5, "openat", "/tmp/x", true),
                new TraceEvent.Signal(5, "SIGXFSZ"),
                new TraceEvent.SpawnRefused(5, "EAGAIN"),
                new TraceEvent.SpawnRefused(5, "EAGAIN")), pip);

        assertThat(findings).extracting(Finding::severity, Finding::code).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "network-attempt"),
                org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "write-outside"),
                org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "sensitive-read"),
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "process-started"),
                org.assertj.core.groups.Tuple.tuple(Severity.WARNING, "process-started"),
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "write-outside"),
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "limit-hit"),
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "limit-hit"));
        assertThat(findings.get(0).message()).isEqualTo("connects to 1.1.1.1:80 (AF_INET, blocked)");
        assertThat(findings.get(3).message()).isEqualTo("starts curl: curl http://1.1.1.1/");
        assertThat(findings.get(6).message()).contains("file size limit");
        assertThat(findings.get(7).message()).contains("process limit");
    }

    @Test
    void ignoresWhatTheInstallerDoesItself() {
        assertThat(TraceFindings.of(List.of(
                new TraceEvent.Exec(5, "/workspace/venv/bin/python", List.of("python", "-m", "pip"), true),
                new TraceEvent.Exec(6, "/usr/bin/lsb_release", List.of("lsb_release", "-a"), true),
                new TraceEvent.Spawn(5, 6, false)), pip)).isEmpty();
    }

    @Test
    void measuredBaselineIsWhatTheEmptyRunStartedAndWrote() {
        TraceBaseline baseline = TraceBaseline.observed(List.of(
                new TraceEvent.Exec(5, "/usr/bin/uname", List.of("uname", "-rs"), true),
                new TraceEvent.FileWrite(5, "openat", "/var/cache/tool.lock", true),
                new TraceEvent.Connect(5, "AF_INET", "1.1.1.1", 80, false)), "measured");

        assertThat(baseline.programs()).containsExactly("uname");
        assertThat(baseline.writablePaths()).containsExactly("/var/cache/tool.lock");
        assertThat(TraceFindings.of(List.of(new TraceEvent.Exec(6, "/bin/uname", List.of("uname"), true),
                new TraceEvent.Exec(6, "/usr/bin/curl", List.of("curl"), true)), baseline))
                .extracting(Finding::message).containsExactly("starts curl: curl");
    }

    @Test
    void baselineSurvivesARoundTripThroughRawData() {
        TraceBaseline baseline = new TraceBaseline(Set.of("uname"), List.of("/opt/cache"), "fallback: why");

        assertThat(TraceBaseline.fromRawData(baseline.toRawData())).isEqualTo(baseline);
    }

    @Test
    void namesEveryRequirementPipCouldNotFind() {
        String output = """
                Processing ./needy-0.1-py3-none-any.whl
                ERROR: Could not find a version that satisfies the requirement absent>=1.0 (from needy) (from versions: none)
                ERROR: No matching distribution found for absent>=1.0
                """;

        assertThat(PipOutput.missingRequirements(output)).containsExactly("absent>=1.0");
        assertThat(PipOutput.errorLines(output)).startsWith("ERROR: Could not find").endsWith("for absent>=1.0");
    }
}
