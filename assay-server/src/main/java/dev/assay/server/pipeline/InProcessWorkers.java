package dev.assay.server.pipeline;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;

/**
 * The embedded default's workers: {@code assay.pipeline.workers} threads of a {@link WorkerPool} that claim
 * jobs through the same {@link JobQueue} contract a remote worker uses over HTTP.
 */
@Component
@ConditionalOnWebApplication
class InProcessWorkers implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessWorkers.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final PipelineProperties properties;
    private final String name = "in-process-" + POOLS.incrementAndGet();
    private final WorkerPool pool;

    InProcessWorkers(InProcessJobSource source, PipelineTasks tasks, PipelineProperties properties,
            AssayProperties assay, Clock clock) {
        this.properties = properties;
        JobRunner runner = new JobRunner(tasks, source, properties.taskTimeout(), JobRunner.workRoot(assay), clock);
        this.pool = new WorkerPool(source, runner, properties.workers(), properties.heartbeat(), properties.poll(),
                clock);
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        pool.start(name);
        if (properties.workers() > 0) {
            LOG.info("{} in-process pipeline worker(s) started", properties.workers());
        }
    }

    @Override
    public void destroy() {
        pool.stopNow();
    }
}
