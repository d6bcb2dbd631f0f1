package dev.assay.tasks.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Starts a host process with exactly the given environment, feeds stdin, keeps output tails, enforces wall time. */
final class ProcessRunner {

    /** What happened to the host process; {@code exitCode} is the process's own. */
    record Outcome(int exitCode, boolean timedOut, boolean guardTripped, TailBuffer stdout, TailBuffer stderr,
                   Duration duration) {
    }

    /** A condition checked while the process runs (between waits of {@link #interval()}) that stops it early. */
    interface Guard {
        Guard NONE = new Guard() {
            @Override
            public boolean exceeded() {
                return false;
            }

            @Override
            public Duration interval() {
                return Duration.ofDays(1);
            }
        };

        boolean exceeded();

        Duration interval();
    }

    /** Kills whatever the process left behind; called on timeout and after every exit. */
    interface TreeKiller {
        void killTree(Process process);
    }

    /** Starts the built process; the sandbox starts it inside the job's cgroups. */
    interface Starter {
        Starter DIRECT = ProcessBuilder::start;

        Process start(ProcessBuilder builder) throws IOException;
    }

    private static final int TAIL_BYTES = 1 << 20;
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(5);

    private ProcessRunner() {
    }

    static Outcome run(List<String> argv, Map<String, String> environment, byte[] stdin, Duration wallTime,
                       TreeKiller killer) throws IOException, InterruptedException {
        return run(argv, environment, stdin, wallTime, killer, Guard.NONE, Starter.DIRECT);
    }

    /** Runs the process until it exits, its wall time ends or {@code guard} is exceeded, then kills what is left. */
    static Outcome run(List<String> argv, Map<String, String> environment, byte[] stdin, Duration wallTime,
                       TreeKiller killer, Guard guard, Starter starter) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().clear();
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        Process process = starter.start(builder);
        TailBuffer out = new TailBuffer(TAIL_BYTES);
        TailBuffer err = new TailBuffer(TAIL_BYTES);
        Thread outDrain = drain(process.getInputStream(), out, "sandbox-stdout");
        Thread errDrain = drain(process.getErrorStream(), err, "sandbox-stderr");
        Thread feeder = feed(process.getOutputStream(), stdin);
        boolean exited = false;
        boolean tripped = false;
        long deadline = started + wallTime.toNanos();
        try {
            while (!exited && !tripped && System.nanoTime() < deadline) {
                long slice = Math.min(guard.interval().toNanos(), deadline - System.nanoTime());
                exited = process.waitFor(Math.max(slice, 0), TimeUnit.NANOSECONDS);
                tripped = !exited && guard.exceeded();
            }
            // A burst written between two checks still counts once the command has exited.
            tripped = tripped || exited && guard.exceeded();
        } finally {
            // Also on interruption and on success: nothing the command started may outlive the run.
            killer.killTree(process);
        }
        process.waitFor();
        Duration duration = Duration.ofNanos(System.nanoTime() - started);
        feeder.interrupt();
        outDrain.join(DRAIN_GRACE.toMillis());
        errDrain.join(DRAIN_GRACE.toMillis());
        return new Outcome(process.exitValue(), !exited && !tripped, tripped, out, err, duration);
    }

    /**
     * Kills the process and every descendant the host can still see, through its handle: {@link Process#destroy}
     * also closes the process's output pipes, and called after it exited (as it is after every run) it threw away
     * whatever the drain threads had not read yet, under load all of a run's output and the supervisor's lines.
     * Descendants only while it lives: those of an exited process are looked up by its pid, which may by then name
     * an unrelated process (its own children were handed to another parent when it exited).
     */
    static void killDescendants(Process process) {
        ProcessHandle handle = process.toHandle();
        if (handle.isAlive()) {
            handle.descendants().forEach(ProcessHandle::destroyForcibly);
        }
        handle.destroyForcibly();
    }

    private static Thread drain(InputStream in, TailBuffer sink, String name) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try (in) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    sink.write(buffer, n);
                }
            } catch (IOException closed) {
                // The process is gone; what was read is what there is.
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static Thread feed(OutputStream in, byte[] stdin) {
        Thread thread = new Thread(() -> {
            try (in) {
                in.write(stdin);
            } catch (IOException closed) {
                // The command need not read its input.
            }
        }, "sandbox-stdin");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
