package dev.assay.tasks.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One job's cgroup v1 directories: their limits, what they observed, and killing what is in them. */
final class CgroupJob implements AutoCloseable {

    // About a second in all for the last processes to go (the pauses grow to 20 ms), as with fixed 20 ms sleeps.
    private static final Duration LONGEST_PAUSE = Duration.ofMillis(20);
    private static final int KILL_ROUNDS = 60;
    private static final int REMOVE_ATTEMPTS = 30;

    private final Map<String, Path> dirs;
    private final List<EnforcedLimit> enforced = new ArrayList<>();
    private boolean workerInside;

    CgroupJob(Map<String, Path> dirs) {
        this.dirs = Map.copyOf(dirs);
    }

    void applyLimits(SandboxLimits limits, List<String> notes) {
        Path memory = dirs.get("memory");
        if (memory != null && write(memory.resolve("memory.limit_in_bytes"), limits.memoryBytes(), notes)) {
            // No swap escape hatch where the kernel accounts swap; absent on machines without it.
            if (Files.exists(memory.resolve("memory.memsw.limit_in_bytes"))) {
                write(memory.resolve("memory.memsw.limit_in_bytes"), limits.memoryBytes(), notes);
            }
            enforced.add(new EnforcedLimit(Limit.MEMORY, "cgroup v1 memory.limit_in_bytes"));
        }
        Path pids = dirs.get("pids");
        if (pids != null && write(pids.resolve("pids.max"), limits.maxProcesses(), notes)) {
            enforced.add(new EnforcedLimit(Limit.PROCESSES, "cgroup v1 pids.max"));
        }
    }

    List<EnforcedLimit> enforced() {
        return List.copyOf(enforced);
    }

    /**
     * Starts the process inside the job: it is born in the job's cgroups, so it never runs a moment outside them
     * and no process of its own has to join them first. In cgroup v1 one thread can be moved alone (its id written
     * to {@code tasks}) and a process or thread is born in the cgroups of the thread that creates it: the calling
     * thread joins the job, starts the process, and then it and every thread the start created (the JDK's process
     * reaper) go back to the worker's cgroups. It has to be the thread that then waits for the process: bwrap's
     * {@code --die-with-parent} kills the sandbox when the thread that started it ends. Memory stays charged to the
     * worker (cgroup v1 charges memory to the cgroup of a process's leader).
     */
    Process start(ProcessBuilder builder) throws IOException {
        String thread = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
        try {
            for (Path dir : dirs.values()) {
                try {
                    Files.writeString(dir.resolve("tasks"), thread);
                } catch (IOException e) {
                    throw new IOException("cannot join the job's cgroup " + dir + ": " + e.getMessage(), e);
                }
            }
            return builder.start();
        } finally {
            dirs.values().forEach(this::workerLeaves);
        }
    }

    /**
     * Moves every thread of the worker in this cgroup back to the worker's own, the job's parent (which holds the
     * worker, so it exists, and root may always move into it). Should that ever fail, the freezer must not freeze
     * the worker's threads, and the job's cleanup must not take the worker for a leftover.
     */
    private void workerLeaves(Path dir) {
        List<String> tasks;
        try {
            tasks = Files.readAllLines(dir.resolve("tasks"));
        } catch (IOException e) {
            workerInside = true;
            return;
        }
        for (String task : tasks) {
            if (!task.isBlank() && Files.exists(Path.of("/proc/self/task", task.trim()))) {
                workerInside |= !write(dir.getParent().resolve("tasks"), task.trim());
            }
        }
    }

    /** The {@code cgroup.procs} files listing the job's processes. */
    private List<Path> procsFiles() {
        return dirs.values().stream().map(dir -> dir.resolve("cgroup.procs")).toList();
    }

    boolean memoryLimitHit() {
        Path memory = dirs.get("memory");
        if (memory == null) {
            return false;
        }
        // oom_kill counts kills by this cgroup's OOM killer; failcnt alone also counts reclaim.
        long kills = counter(memory.resolve("memory.oom_control"), "oom_kill");
        return kills > 0 || (kills < 0 && counter(memory.resolve("memory.failcnt"), null) > 0);
    }

    boolean processLimitHit() {
        Path pids = dirs.get("pids");
        return pids != null && counter(pids.resolve("pids.events"), "max") > 0;
    }

    /** Kills every process in the job, freezing it first where possible so a fork bomb cannot outrun us. */
    void killAll() {
        List<Long> pids = pids();
        if (pids.isEmpty()) {
            // Only a member can add a process to the job, so an empty job stays empty.
            return;
        }
        Path freezer = dirs.get("freezer");
        boolean frozen = freezer != null && !workerInside && write(freezer.resolve("freezer.state"), "FROZEN");
        Backoff backoff = new Backoff(LONGEST_PAUSE);
        for (int round = 0; round < KILL_ROUNDS && !pids.isEmpty(); round++) {
            pids.stream().distinct().forEach(this::killIfInJob);
            if (frozen) {
                // SIGKILL is only delivered once the tasks run again.
                write(freezer.resolve("freezer.state"), "THAWED");
            }
            // Usually the sandbox's init, killed as the sandbox ended, leaving within the millisecond.
            backoff.pause();
            pids = pids();
        }
    }

    /**
     * Kills the process with this pid if it is still in the job. A pid read from {@code cgroup.procs} belongs to a
     * process that may exit and be reaped before it is killed, and pids come round fast (a fork bomb held at its
     * limit elsewhere allocates and frees thousands a second), so by then the pid may name an unrelated process: a
     * process of another job, or of the host. The handle pins the process's start time, so the membership read
     * here and the kill (which checks that start time again) are about the same process.
     */
    private void killIfInJob(long pid) {
        // cgroup.procs would list the worker too, had one of its threads failed to leave the job (see start).
        ProcessHandle.of(pid).filter(process -> !process.equals(ProcessHandle.current()))
                .filter(process -> inJob(pid) && process.isAlive())
                .ifPresent(ProcessHandle::destroyForcibly);
    }

    /** Whether the process with this pid is in one of the job's cgroups, as its {@code /proc/<pid>/cgroup} says. */
    private boolean inJob(long pid) {
        String suffix = "/" + name();
        try {
            return Files.readAllLines(Path.of("/proc", Long.toString(pid), "cgroup")).stream()
                    .anyMatch(line -> line.endsWith(suffix));
        } catch (IOException gone) {
            return false;
        }
    }

    private String name() {
        return dirs.values().iterator().next().getFileName().toString();
    }

    boolean isEmpty() {
        return pids().isEmpty();
    }

    @Override
    public void close() {
        killAll();
        for (Path dir : dirs.values()) {
            Backoff backoff = new Backoff(LONGEST_PAUSE);
            for (int attempt = 0; attempt < REMOVE_ATTEMPTS; attempt++) {
                try {
                    Files.deleteIfExists(dir);
                    break;
                } catch (IOException busy) {
                    // Exiting tasks leave the cgroup asynchronously.
                    backoff.pause();
                }
            }
        }
    }

    private List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        for (Path procs : procsFiles()) {
            try {
                for (String line : Files.readAllLines(procs)) {
                    if (!line.isBlank()) {
                        pids.add(Long.parseLong(line.trim()));
                    }
                }
            } catch (IOException | NumberFormatException gone) {
                // A removed cgroup has no processes.
            }
        }
        return pids;
    }

    private static long counter(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                String[] parts = line.trim().split("\\s+");
                if (key == null && parts.length == 1) {
                    return Long.parseLong(parts[0]);
                }
                if (parts.length == 2 && parts[0].equals(key)) {
                    return Long.parseLong(parts[1]);
                }
            }
        } catch (IOException | NumberFormatException unreadable) {
            return -1;
        }
        return -1;
    }

    private static boolean write(Path file, long value, List<String> notes) {
        boolean ok = write(file, Long.toString(value));
        if (!ok) {
            notes.add("could not write " + value + " to " + file);
        }
        return ok;
    }

    private static boolean write(Path file, String value) {
        try {
            Files.writeString(file, value);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
