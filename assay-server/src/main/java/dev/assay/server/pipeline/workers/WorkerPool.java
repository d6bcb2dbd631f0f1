package dev.assay.server.pipeline.workers;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import dev.assay.server.error.ConflictException;
import dev.assay.server.logging.RequestIds;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.AssayVersion;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.TaskReport;
import dev.assay.server.pipeline.queue.JobQueue.WorkerLogLine;
import dev.assay.tasks.execution.ExecutionListener;
import dev.assay.tasks.execution.TaskExecution;

/**
 * Worker threads that claim jobs from a {@link JobSource}, heartbeat while the {@link JobRunner} runs them,
 * stream their logs and send the result: the loop of the in-process workers and of {@code assay worker} alike.
 * A worker whose lease is lost stops the job and drops its result.
 */
public final class WorkerPool {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

    /** The longest wait between two claims while the job source fails. */
    static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final JobSource source;
    private final WorkerOffer offer;
    private final JobRunner runner;
    private final int size;
    private final Duration heartbeat;
    private final Duration poll;
    private final Clock clock;
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeats;
    private final ClaimBackoff backoff;
    private volatile boolean stopping;
    private volatile boolean abandoning;
    private final CompletableFuture<String> refused = new CompletableFuture<>();

    /**
     * {@code size} workers; each renews its lease every {@code heartbeat}, and looks for a job every {@code poll};
     * log lines carry the {@code clock}'s time when they were written.
     */
    public WorkerPool(JobSource source, JobRunner runner, int size, Duration heartbeat, Duration poll, Clock clock) {
        this(source, runner, size, heartbeat, poll, clock, WorkerOffer.UNKNOWN);
    }

    /** As above, the workers offering {@code offer} with every claim. */
    public WorkerPool(JobSource source, JobRunner runner, int size, Duration heartbeat, Duration poll, Clock clock,
                      WorkerOffer offer) {
        this.offer = offer;
        this.source = source;
        this.clock = clock;
        this.runner = runner;
        this.size = size;
        this.heartbeat = heartbeat;
        this.poll = poll;
        this.workers = Executors.newFixedThreadPool(Math.max(1, size), daemon("assay-worker"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("assay-worker-heartbeat"));
        this.backoff = new ClaimBackoff(poll, MAX_BACKOFF);
    }

    /** What this machine's workers offer with their claims: this build's version and its probed interpreters. */
    static WorkerOffer offer(List<WorkerOffer.Interpreter> interpreters) {
        return new WorkerOffer(AssayVersion.current(), interpreters, List.of());
    }

    /** Starts the workers, named {@code name/1} … {@code name/size}. */
    public void start(String name) {
        for (int i = 1; i <= size; i++) {
            String worker = name + "/" + i;
            workers.execute(() -> loop(worker));
        }
    }

    /**
     * Stops claiming; running jobs get {@code grace} to finish and send their results, then are abandoned (their
     * leases run out and another worker claims them again). Returns whether every job finished.
     */
    public boolean stop(Duration grace) throws InterruptedException {
        stopping = true;
        workers.shutdown();
        boolean finished = workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        abandoning = true;
        workers.shutdownNow();
        heartbeats.shutdownNow();
        return finished;
    }

    /** Completes with the reason when the source refused the workers (a revoked token): they have stopped. */
    public CompletableFuture<String> refused() {
        return refused;
    }

    /**
     * Stops at once: running jobs are abandoned. Waits (briefly) for the interrupted workers to return, so that
     * none still writes its workspace once the server is closed.
     */
    public void stopNow() {
        stopping = true;
        abandoning = true;
        workers.shutdownNow();
        heartbeats.shutdownNow();
        try {
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop(String worker) {
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            try {
                Optional<ClaimedJob> job = source.claim(worker, offer);
                backoff.succeeded();
                if (job.isPresent()) {
                    workLogged(worker, job.get());
                } else {
                    sleepQuietly(poll);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (JobSource.Refused refused) {
                LOG.error("pipeline worker {} stops: {}", worker, refused.getMessage());
                stopping = true;
                this.refused.complete(refused.getMessage());
            } catch (RuntimeException failure) {
                // the server or the database may be unavailable for a while; the lease brings the job back if it was ours
                sleepQuietly(backoff.failed(failure));
            }
        }
    }

    // Each claimed job is logged when claimed and finished; its lines carry its ids and its request's id.
    private void workLogged(String worker, ClaimedJob job) throws InterruptedException {
        try (RequestIds.Scope request = RequestIds.scope(job.requestId());
                MDC.MDCCloseable jobId = MDC.putCloseable("jobId", String.valueOf(job.jobId()));
                MDC.MDCCloseable pipelineId = MDC.putCloseable("pipelineId", String.valueOf(job.pipelineId()))) {
            LOG.info("{} claimed job {} of pipeline {} (attempt {}): {}", worker, job.jobId(), job.pipelineId(),
                    job.attempt(), subject(job));
            long started = System.nanoTime();
            String outcome = work(job);
            LOG.info("{} finished job {} of pipeline {} in {} ms: {}", worker, job.jobId(), job.pipelineId(),
                    (System.nanoTime() - started) / 1_000_000, outcome);
        }
    }

    private static String subject(ClaimedJob job) {
        return job.project() + " " + (job.testsCommit() ? "commit " + job.gitCommit() : job.filename());
    }

    private static String outcomes(List<TaskReport> tasks) {
        return tasks.stream().map(task -> task.name() + " " + task.outcome()).collect(Collectors.joining(", "));
    }

    /** Runs the job and sends its result; returns the tasks' outcomes, or what became of the job. */
    private String work(ClaimedJob job) throws InterruptedException {
        ConcurrentLinkedQueue<WorkerLogLine> pending = new ConcurrentLinkedQueue<>();
        AtomicBoolean lost = new AtomicBoolean();
        AtomicReference<JobSource.Refused> refusal = new AtomicReference<>();
        // While the job runs, a heartbeat that finds the lease gone interrupts this thread to stop it; once the
        // tasks are done, a heartbeat still in flight must not: the interrupt would land in the next claim.
        AtomicBoolean running = new AtomicBoolean(true);
        String outcome = "abandoned";
        Thread worker = Thread.currentThread();
        long every = heartbeat.toMillis();
        ScheduledFuture<?> beat = heartbeats.scheduleWithFixedDelay(() -> {
            try {
                flush(job, pending);
                source.heartbeat(job);
            } catch (ConflictException | JobSource.Refused gone) {
                synchronized (running) {
                    if (running.get()) {
                        stopJob(worker, lost, refusal, gone);
                    }
                }
            } catch (RuntimeException failure) {
                LOG.warn("heartbeat of job {} failed: {}", job.jobId(), failure.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            List<TaskReport> result = runner.run(job, listener(pending));
            stopHeartbeats(beat, running);
            flush(job, pending);
            source.result(job, result);
            outcome = outcomes(result);
        } catch (InterruptedException stopped) {
            if (!lost.get()) {
                throw stopped;
            }
        } catch (ConflictException refused) {
            lost.set(true);
        } finally {
            stopHeartbeats(beat, running);
        }
        if (lost.get()) {
            LOG.warn("pipeline job {} lost its lease; its result is dropped", job.jobId());
            outcome = "lease lost, result dropped";
            if (!abandoning) {
                // the interrupt was the heartbeat's signal to stop this job, not a request to stop the worker
                Thread.interrupted();
            }
        }
        if (refusal.get() != null) {
            throw refusal.get();
        }
        return outcome;
    }

    // A refusal (a revoked token, a demoted owner) stops the job now, and the worker once the job has stopped.
    private static void stopJob(Thread worker, AtomicBoolean lost, AtomicReference<JobSource.Refused> refusal,
            RuntimeException why) {
        if (why instanceof JobSource.Refused refused) {
            refusal.set(refused);
        }
        lost.set(true);
        worker.interrupt();
    }

    private static void stopHeartbeats(ScheduledFuture<?> beat, AtomicBoolean running) {
        beat.cancel(false);
        synchronized (running) {
            running.set(false);
        }
    }

    private void flush(ClaimedJob job, ConcurrentLinkedQueue<WorkerLogLine> pending) {
        List<WorkerLogLine> lines = new ArrayList<>();
        for (WorkerLogLine line = pending.poll(); line != null; line = pending.poll()) {
            lines.add(line);
        }
        if (!lines.isEmpty()) {
            source.log(job, lines);
        }
    }

    // Lines wait for the next heartbeat to be sent: each is stamped now, when it is written, not when it is sent.
    private ExecutionListener listener(ConcurrentLinkedQueue<WorkerLogLine> pending) {
        return new ExecutionListener() {
            @Override
            public void taskStarted(String task) {
                pending.add(new WorkerLogLine(task, "started", clock.instant()));
            }

            @Override
            public void logLine(String task, String line) {
                pending.add(new WorkerLogLine(task, line, clock.instant()));
            }

            @Override
            public void taskFinished(TaskExecution execution) {
                pending.add(new WorkerLogLine(execution.task(), execution.outcome().name().toLowerCase(Locale.ROOT)
                        + " in " + execution.duration().toMillis() + " ms", clock.instant()));
            }
        };
    }

    private static void sleepQuietly(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory daemon(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
