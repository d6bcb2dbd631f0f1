package dev.assay.tasks.sandbox;

import java.util.List;

/** Something a traced command did that a report may care about, parsed from strace output. */
public sealed interface TraceEvent {

    int pid();

    /** A connect (or addressed send) to a socket address; {@code port} is -1 for unix sockets. */
    record Connect(int pid, String family, String address, int port, boolean succeeded) implements TraceEvent {
    }

    /** A program started with execve. */
    record Exec(int pid, String program, List<String> argv, boolean succeeded) implements TraceEvent {
        public Exec {
            argv = List.copyOf(argv);
        }
    }

    /** A file created, opened for writing, removed or renamed outside the allowed prefixes. */
    record FileWrite(int pid, String syscall, String path, boolean succeeded) implements TraceEvent {
    }

    /** An open of a sensitive path such as {@code /etc/shadow} or {@code ~/.ssh/id_rsa}. */
    record SensitiveRead(int pid, String path, boolean succeeded) implements TraceEvent {
    }

    /** A new process or thread (fork, vfork, clone, clone3) that the kernel created. */
    record Spawn(int pid, int child, boolean thread) implements TraceEvent {
    }

    /** A fork or clone the kernel refused with {@code error} (EAGAIN when the process limit is reached). */
    record SpawnRefused(int pid, String error) implements TraceEvent {
    }

    /** A signal delivered to a traced process, e.g. SIGXFSZ when the file size limit was hit. */
    record Signal(int pid, String name) implements TraceEvent {
    }
}
