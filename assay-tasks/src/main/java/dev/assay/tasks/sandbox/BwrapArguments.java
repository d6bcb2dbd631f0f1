package dev.assay.tasks.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The host command line that runs a {@link SandboxCommand} under bubblewrap (started inside the job's cgroups):
 * drop to an unprivileged uid, enter fresh namespaces on a read-only system, then apply rlimits.
 */
final class BwrapArguments {

    static final String WORKSPACE = "/workspace";
    static final int NOBODY = 65534;

    private static final List<String> SYSTEM_DIRS = List.of("/usr", "/etc");
    private static final List<String> MERGED_DIRS = List.of("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32");

    private final SandboxTools tools;

    BwrapArguments(SandboxTools tools) {
        this.tools = tools;
    }

    List<String> build(SandboxCommand command, boolean memoryInCgroup) throws IOException {
        List<String> argv = new ArrayList<>();
        if (tools.dropToNobody()) {
            // Nobody on the host too, not only inside: root-owned files stay unreadable even if the user namespace
            // maps the sandbox's uid back to root. util-linux's unshare with no namespace to enter only drops the
            // supplementary groups, then sets gid and uid, with numbers as given (setpriv looks numbers up as names
            // first, through every name service, which cost more than the rest of its work).
            argv.addAll(List.of(tools.unshare().toString(), "--setgid", "" + NOBODY, "--setuid", "" + NOBODY,
                    "--"));
        }
        argv.add(tools.bwrap().toString());
        argv.addAll(List.of("--unshare-all", "--unshare-user", "--uid", "" + NOBODY, "--gid", "" + NOBODY,
                "--hostname", "assay-sandbox", "--die-with-parent", "--new-session", "--cap-drop", "ALL"));
        // The locale reaches the sandbox through bwrap, not the host's environment, so the programs before it do
        // not load locale files they never use.
        command.environment().entrySet().stream().filter(e -> isLocale(e.getKey())).sorted(Map.Entry.comparingByKey())
                .forEach(e -> argv.addAll(List.of("--setenv", e.getKey(), e.getValue())));
        filesystem(command, argv);
        argv.add("--");
        // The supervisor's child sets the rlimits with its shell's ulimit and becomes the command: no process of
        // its own, and the supervisor's fork does not count against RLIMIT_NPROC, which every process of the
        // sandbox's uid on this machine shares.
        argv.addAll(Supervisor.limited(ulimits(command.limits(), memoryInCgroup), command.argv()));
        return argv;
    }

    /** The environment of the host process that starts the sandbox: the command's, but its locale. */
    static Map<String, String> hostEnvironment(Map<String, String> environment) {
        Map<String, String> host = new HashMap<>(environment);
        host.keySet().removeIf(BwrapArguments::isLocale);
        return host;
    }

    private static boolean isLocale(String variable) {
        return variable.equals("LANG") || variable.equals("LANGUAGE") || variable.startsWith("LC_");
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

    /** The rlimits as {@code ulimit} builtins of the supervisor's bash, which counts sizes in KiB (rounded down). */
    static String ulimits(SandboxLimits limits, boolean memoryInCgroup) {
        long cpu = Math.max(1, limits.cpuTime().toSeconds());
        // Soft limit sends SIGXCPU (reported), the hard one a second later SIGKILL.
        String ulimits = "ulimit -t " + (cpu + 1) + " && ulimit -S -t " + cpu
                + " && ulimit -u " + limits.maxProcesses() + " -f " + limits.maxFileSizeBytes() / 1024 + " -c 0";
        if (!memoryInCgroup) {
            // Address space is a crude stand-in for memory, used only when no memory cgroup exists.
            ulimits += " -v " + limits.memoryBytes() / 1024;
        }
        return ulimits;
    }
}
