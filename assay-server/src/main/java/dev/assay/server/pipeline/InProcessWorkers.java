package dev.assay.server.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.assay.server.error.ConflictException;
import dev.assay.server.pipeline.JobQueue.WorkerLogLine;
import dev.assay.tasks.execution.ExecutionListener;
import dev.assay.tasks.execution.TaskExecution;

/**
 * The embedded default's workers: {@code assay.pipeline.workers} threads that claim jobs through the same
 * {@link JobQueue} contract a remote worker uses over HTTP, heartbeat while they run them, stream their logs,
 * and send the result. A worker whose lease is lost stops the job and drops its result.
 */
@Component
@ConditionalOnWebApplication
class InProcessWorkers implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessWorkers.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final JobQueue queue;
    private final JobRunner runner;
    private final PipelineProperties properties;
    private final String name = "in-process-" + POOLS.incrementAndGet();
    private final ExecutorService workers;
    private final ScheduledExecutorService heartbeats;

    InProcessWorkers(JobQueue queue, JobRunner runner, PipelineProperties properties) {
        this.queue = queue;
        this.runner = runner;
        this.properties = properties;
        this.workers = Executors.newFixedThreadPool(Math.max(1, properties.workers()), daemon("assay-worker"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(daemon("assay-worker-heartbeat"));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        for (int i = 1; i <= properties.workers(); i++) {
            String worker = name + "/" + i;
            workers.execute(() -> loop(worker));
        }
        if (properties.workers() > 0) {
            LOG.info("{} in-process pipeline worker(s) started", properties.workers());
        }
    }

    @Override
    public void destroy() {
        workers.shutdownNow();
        heartbeats.shutdownNow();
    }

    private void loop(String worker) {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Optional<ClaimedJob> job = queue.claim(worker);
                if (job.isPresent()) {
                    work(job.get());
                } else {
                    Thread.sleep(properties.poll().toMillis());
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException failure) {
                // the database may be briefly unavailable; the lease brings the job back if it was ours
                LOG.warn("pipeline worker {} failed: {}", worker, failure.toString());
                sleepQuietly();
            }
        }
    }

    private void work(ClaimedJob job) throws InterruptedException {
        ConcurrentLinkedQueue<WorkerLogLine> pending = new ConcurrentLinkedQueue<>();
        AtomicBoolean lost = new AtomicBoolean();
        Thread running = Thread.currentThread();
        long every = properties.heartbeat().toMillis();
        ScheduledFuture<?> beat = heartbeats.scheduleWithFixedDelay(() -> {
            try {
                flush(job, pending);
                queue.heartbeat(job.jobId(), job.lease());
            } catch (ConflictException gone) {
                lost.set(true);
                running.interrupt();
            } catch (RuntimeException failure) {
                LOG.warn("heartbeat of job {} failed: {}", job.jobId(), failure.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
        try {
            List<TaskReport> result = runner.run(job, listener(pending));
            beat.cancel(false);
            flush(job, pending);
            queue.result(job.jobId(), job.lease(), result);
        } catch (InterruptedException stopped) {
            if (!lost.get()) {
                throw stopped;
            }
        } catch (ConflictException refused) {
            lost.set(true);
        } finally {
            beat.cancel(false);
        }
        if (lost.get()) {
            LOG.warn("pipeline job {} lost its lease; its result is dropped", job.jobId());
            if (!workers.isShutdown()) {
                // the interrupt was the heartbeat's signal to stop this job, not a request to stop the worker
                Thread.interrupted();
            }
        }
    }

    private void flush(ClaimedJob job, ConcurrentLinkedQueue<WorkerLogLine> pending) {
        List<WorkerLogLine> lines = new ArrayList<>();
        for (WorkerLogLine line = pending.poll(); line != null; line = pending.poll()) {
            lines.add(line);
        }
        if (!lines.isEmpty()) {
            queue.log(job.jobId(), job.lease(), lines);
        }
    }

    private static ExecutionListener listener(ConcurrentLinkedQueue<WorkerLogLine> pending) {
        return new ExecutionListener() {
            @Override
            public void taskStarted(String task) {
                pending.add(new WorkerLogLine(task, "started"));
            }

            @Override
            public void logLine(String task, String line) {
                pending.add(new WorkerLogLine(task, line));
            }

            @Override
            public void taskFinished(TaskExecution execution) {
                pending.add(new WorkerLogLine(execution.task(), execution.outcome().name().toLowerCase(Locale.ROOT)
                        + " in " + execution.duration().toMillis() + " ms"));
            }
        };
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(properties.poll().toMillis());
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
