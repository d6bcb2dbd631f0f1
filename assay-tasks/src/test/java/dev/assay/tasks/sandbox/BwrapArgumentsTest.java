package dev.assay.tasks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BwrapArgumentsTest {

    private final SandboxCommand command = SandboxCommand.of(Path.of("/srv/job-1"), List.of("/usr/bin/python3", "-V"))
            .withWorkingDirectory("src")
            .withReadOnlyBinds(List.of(new ReadOnlyBind(Path.of("/srv/wheelhouse"), "/wheelhouse")));

    @Test
    void joinsTheCgroupsDropsToNobodyAndLimitsMemoryInTheCgroupOnly() throws Exception {
        List<String> argv = new BwrapArguments(SandboxTools.debian(true))
                .build(command, List.of(Path.of("/cg/memory/job/cgroup.procs")), true);

        assertThat(String.join(" ", argv))
                .startsWith("/bin/sh -c ")
                .contains("sh /cg/memory/job/cgroup.procs -- /usr/bin/setpriv --reuid 65534 --regid 65534")
                .contains("--unshare-all", "--die-with-parent", "--new-session", "--cap-drop ALL",
                        "--bind /srv/job-1 /workspace", "--ro-bind /srv/wheelhouse /wheelhouse",
                        "--size 2147483648 --tmpfs /tmp", "--chdir /workspace/src")
                .contains("--chdir /workspace/src -- /usr/bin/bash -c ")
                .endsWith(" assay-supervisor /usr/bin/prlimit --nproc=256 --cpu=600:601 --fsize=1073741824 --core=0"
                        + " -- /usr/bin/python3 -V")
                .doesNotContain("--as=");
    }

    @Test
    void withoutCgroupsLimitsAddressSpaceAndStaysTheWorkersUser() throws Exception {
        List<String> argv = new BwrapArguments(SandboxTools.debian(false)).build(command, List.of(), false);

        assertThat(argv.get(0)).isEqualTo("/usr/bin/bwrap");
        assertThat(argv).doesNotContain("/usr/bin/setpriv").contains("--as=" + (2L << 30));
    }

    @Test
    void refusesAWorkingDirectoryOutsideTheWorkspace() {
        assertThatThrownBy(() -> command.withWorkingDirectory("../etc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> command.withWorkingDirectory("/etc")).isInstanceOf(IllegalArgumentException.class);
    }
}
