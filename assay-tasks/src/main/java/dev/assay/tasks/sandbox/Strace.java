package dev.assay.tasks.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs a sandboxed command under {@code strace -f} with its trace written into the workspace. */
public final class Strace {

    /** Network, process and file syscalls; {@code -y} shows the paths behind directory fds. */
    private static final List<String> OPTIONS = List.of("-f", "-qq", "-y", "-s", "4096",
            "-e", "trace=%network,%process,%file");

    private final Path strace;

    public Strace(Path strace) {
        this.strace = strace;
    }

    /** Debian's {@code /usr/bin/strace}. */
    public static Strace debian() {
        return new Strace(Path.of("/usr/bin/strace"));
    }

    public boolean available() {
        return Files.isExecutable(strace);
    }

    /**
     * The same command, traced into {@code traceFile} (a name in the workspace). The traced code can
     * write the workspace too, so a trace is evidence of what happened, not proof of what did not.
     */
    public SandboxCommand traced(Sandbox sandbox, SandboxCommand command, String traceFile) {
        List<String> argv = new ArrayList<>();
        argv.add(strace.toString());
        argv.addAll(OPTIONS);
        argv.add("-o");
        argv.add(sandbox.workspaceInside(command.workspace()) + "/" + traceFile);
        argv.add("--");
        // strace -f follows every descendant to its end, so what the command leaves running is killed under it.
        argv.addAll(sandbox.supervised(command.argv()));
        return command.withArgv(argv);
    }

    /** Parses a trace a traced run left in its workspace; the policy's paths are as the sandbox saw them. */
    public static List<TraceEvent> events(Path traceFile, TracePolicy policy) throws IOException {
        return new TraceParser(policy).parse(Files.readAllLines(traceFile, StandardCharsets.ISO_8859_1));
    }
}
