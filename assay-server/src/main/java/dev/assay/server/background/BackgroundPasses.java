package dev.assay.server.background;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the passes over every project or file that the server once made before serving (with 100,000 projects they
 * took half an hour): one after the other on one thread, started once the server is ready, so readiness never
 * waits for them, and stopped when the server stops. A pass checks {@link #stopping()} between items and logs
 * its progress; what needs an item before its pass reached it does that item's work itself. Stopped by a flag, not
 * by interrupting the thread: an interrupt during H2's file I/O closes the database's file channel.
 */
@Component
public class BackgroundPasses implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundPasses.class);

    /** A pass logs its progress every this many items. */
    public static final int PROGRESS_EVERY = 10_000;

    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread pass = new Thread(runnable, "assay-background-pass");
        pass.setDaemon(true);
        return pass;
    });

    private volatile boolean running = true;

    /** Queues a pass; a failure is logged (the next start runs it again), never thrown. */
    public void submit(String what, Runnable pass) {
        thread.execute(() -> {
            long started = System.nanoTime();
            try {
                pass.run();
                if (stopping()) {
                    LOG.info("{}: stopped by the server's stop, resumed at the next start", what);
                } else {
                    LOG.info("{}: done in {} ms", what, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
                }
            } catch (RuntimeException failure) {
                LOG.warn("{}: failed, tried again at the next start: {}", what, failure.toString());
            }
        });
    }

    /** Whether the running pass should stop: the server is stopping. */
    public boolean stopping() {
        return !running;
    }

    /** Waits until every pass queued so far has ended; for tests and tools that need their results. */
    public void awaitQueued(Duration deadline) {
        try {
            thread.submit(() -> { }).get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException failure) {
            throw new IllegalStateException("the background passes did not end within " + deadline, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Stops the running pass at its next item, before the beans it uses (the database's pool) are closed. */
    @Override
    public void stop() {
        running = false;
        thread.shutdown();
        try {
            if (!thread.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("a background pass did not stop within 10 s of the server's stop");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
