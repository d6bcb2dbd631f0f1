package dev.assay.tasks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BwrapArgumentsTest {

    private final SandboxCommand command = SandboxCommand.of(Path.of("/srv/job-1"), List.of("/usr/bin/python3", "-V"))
            .withWorkingDirectory("src")
            .withReadOnlyBinds(List.of(new ReadOnlyBind(Path.of("/srv/wheelhouse"), "/wheelhouse")));

    @Test
    void dropsToNobodyAndLimitsMemoryInTheCgroupOnly() throws Exception {
        List<String> argv = new BwrapArguments(SandboxTools.debian(true)).build(command, true);

        assertThat(String.join(" ", argv))
                .startsWith("/usr/bin/unshare --setgid 65534 --setuid 65534 -- /usr/bin/bwrap ")
                .contains("--unshare-all", "--die-with-parent", "--new-session", "--cap-drop ALL",
                        "--bind /srv/job-1 /workspace", "--ro-bind /srv/wheelhouse /wheelhouse",
                        "--size 2147483648 --tmpfs /tmp", "--chdir /workspace/src")
                .contains("--chdir /workspace/src -- /usr/bin/bash -c ")
                .contains("(ulimit -t 601 && ulimit -S -t 600 && ulimit -u 256 -f 1048576 -c 0 || exit 125;"
                        + " exec \"$@\") <&0 &")
                .endsWith(" assay-supervisor /usr/bin/python3 -V")
                .doesNotContain(" -v ");
    }

    @Test
    void withoutCgroupsLimitsAddressSpaceAndStaysTheWorkersUser() throws Exception {
        List<String> argv = new BwrapArguments(SandboxTools.debian(false)).build(command, false);

        assertThat(argv.get(0)).isEqualTo("/usr/bin/bwrap");
        assertThat(argv).doesNotContain("/usr/bin/unshare");
        assertThat(String.join(" ", argv)).contains(" -c 0 -v " + (2L << 20) + " || exit 125;");
    }

    @Test
    void theLocaleReachesTheSandboxThroughBwrapAndTheRestThroughTheEnvironment() throws Exception {
        SandboxCommand withLocale = command.withEnvironment(
                Map.of("LANG", "C.UTF-8", "LC_ALL", "C", "PATH", "/usr/bin"));

        assertThat(String.join(" ", new BwrapArguments(SandboxTools.debian(true)).build(withLocale, true)))
                .contains("--setenv LANG C.UTF-8 --setenv LC_ALL C ");
        assertThat(BwrapArguments.hostEnvironment(withLocale.environment())).isEqualTo(Map.of("PATH", "/usr/bin"));
    }

    @Test
    void refusesAWorkingDirectoryOutsideTheWorkspace() {
        assertThatThrownBy(() -> command.withWorkingDirectory("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> command.withWorkingDirectory("/etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
