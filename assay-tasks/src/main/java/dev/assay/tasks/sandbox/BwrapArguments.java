package dev.assay.tasks.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The host command line that runs a {@link SandboxCommand} under bubblewrap: join the job's cgroups,
 * drop to an unprivileged uid, enter fresh namespaces on a read-only system, then apply rlimits.
 */
final class BwrapArguments {

    static final String WORKSPACE = "/workspace";
    static final int NOBODY = 65534;

    /** Joins each cgroup named before "--" and then becomes the command after it. */
    private static final String JOIN_CGROUPS =
            "while [ \"$1\" != -- ]; do echo $$ > \"$1\" || exit 125; shift; done; shift; exec \"$@\"";
    private static final List<String> SYSTEM_DIRS = List.of("/usr", "/etc");
    private static final List<String> MERGED_DIRS = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    private final SandboxTools tools;

    BwrapArguments(SandboxTools tools) {
        this.tools = tools;
    }

    List<String> build(SandboxCommand command, List<Path> cgroupProcsFiles, boolean memoryInCgroup)
            throws IOException {
        List<String> argv = new ArrayList<>();
        if (!cgroupProcsFiles.isEmpty()) {
            argv.addAll(List.of("/bin/sh", "-c", JOIN_CGROUPS, "sh"));
            cgroupProcsFiles.forEach(file -> argv.add(file.toString()));
            argv.add("--");
        }
        if (tools.dropToNobody()) {
            // Nobody on the host too, not only inside: root-owned files stay unreadable even if
            // the user namespace maps the sandbox's uid back to root.
            argv.addAll(List.of(tools.setpriv().toString(), "--reuid", "" + NOBODY, "--regid", "" + NOBODY,
                    "--clear-groups", "--"));
        }
        argv.add(tools.bwrap().toString());
        argv.addAll(List.of("--unshare-all", "--unshare-user", "--uid", "" + NOBODY, "--gid", "" + NOBODY,
                "--hostname", "assay-sandbox", "--die-with-parent", "--new-session", "--cap-drop", "ALL"));
        filesystem(command, argv);
        argv.add("--");
        // The supervisor starts the command before the rlimits apply: its own fork must not count against
        // RLIMIT_NPROC, which every process of the sandbox's uid on this machine shares.
        List<String> limited = new ArrayList<>(rlimits(command.limits(), memoryInCgroup));
        limited.addAll(command.argv());
        argv.addAll(Supervisor.supervised(limited));
        return argv;
    }

    private static void filesystem(SandboxCommand command, List<String> argv) throws IOException {
        for (String dir : SYSTEM_DIRS) {
            argv.addAll(List.of("--ro-bind", dir, dir));
        }
        for (String dir : MERGED_DIRS) {
            Path path = Path.of(dir);
            if (Files.isSymbolicLink(path)) {
                argv.addAll(List.of("--symlink", Files.readSymbolicLink(path).toString(), dir));
            } else if (Files.isDirectory(path)) {
                argv.addAll(List.of("--ro-bind", dir, dir));
            }
        }
        // Fresh, empty /tmp; /root, /home, /var and the rest of the host simply do not exist.
        // The temporary folders are memory, so the kernel caps them at the workspace's limit.
        String tmpSize = Long.toString(command.limits().workspaceBytes());
        argv.addAll(List.of("--dev", "/dev", "--proc", "/proc", "--size", tmpSize, "--tmpfs", "/tmp",
                "--size", tmpSize, "--tmpfs", "/var/tmp"));
        argv.addAll(List.of("--bind", command.workspace().toAbsolutePath().toString(), WORKSPACE));
        for (ReadOnlyBind bind : command.readOnlyBinds()) {
            argv.addAll(List.of("--ro-bind", bind.hostPath().toString(), bind.sandboxPath()));
        }
        argv.addAll(List.of("--remount-ro", "/"));
        argv.addAll(List.of("--chdir", Path.of(WORKSPACE).resolve(command.workingDirectory()).normalize().toString()));
    }

    private List<String> rlimits(SandboxLimits limits, boolean memoryInCgroup) {
        long cpu = Math.max(1, limits.cpuTime().toSeconds());
        List<String> argv = new ArrayList<>(List.of(tools.prlimit().toString(),
                "--nproc=" + limits.maxProcesses(),
                // Soft limit sends SIGXCPU (reported), the hard one a second later SIGKILL.
                "--cpu=" + cpu + ":" + (cpu + 1),
                "--fsize=" + limits.maxFileSizeBytes(),
                "--core=0"));
        if (!memoryInCgroup) {
            // Address space is a crude stand-in for memory, used only when no memory cgroup exists.
            argv.add("--as=" + limits.memoryBytes());
        }
        argv.add("--");
        return argv;
    }
}
