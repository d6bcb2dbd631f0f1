package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.pipeline.PipelineProperties;
import dev.assay.server.pipeline.matrix.LocalPythons;
import dev.assay.server.pipeline.plugins.SwitchedTasks;
import dev.assay.server.pipeline.plugins.TaskCatalog;
import dev.assay.server.pipeline.queue.JobQueue;
import dev.assay.server.storage.OwnedFolder;

/**
 * The embedded default's workers: {@code assay.pipeline.workers} threads of a {@link WorkerPool} that claim
 * jobs through the same {@link JobQueue} contract a remote worker uses over HTTP, named after the server's port.
 * Their job workspaces live in this server's own folder under {@code DATA/pipeline-work}; those of a server that
 * was killed go at the next start.
 */
@Component
@ConditionalOnWebApplication
class InProcessWorkers implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessWorkers.class);

    private final PipelineProperties properties;
    private final OwnedFolder workspaces;
    private final WorkerPool pool;

    InProcessWorkers(InProcessJobSource source, PipelineTasks builtIns, TaskCatalog catalog,
            PipelineProperties properties, AssayProperties assay, LocalPythons pythons, Clock clock)
            throws IOException {
        PipelineTasks tasks = new SwitchedTasks(builtIns, catalog, source::taskState);
        this.properties = properties;
        // claimed where the sandbox's user reaches it, so the dead servers' workspaces there are cleared too
        Path root = tasks.workRoot(JobRunner.workRoot(assay));
        this.workspaces = OwnedFolder.claim(root);
        if (workspaces.cleared() > 0) {
            LOG.info("Removed {} files of job workspaces left in {} by servers that ended before finishing",
                    workspaces.cleared(), root);
        }
        JobRunner runner = new JobRunner(tasks, source, properties.taskTimeout(), workspaces.path(), clock);
        this.pool = new WorkerPool(source, runner, properties.workers(), properties.heartbeat(), properties.poll(),
                clock, WorkerPool.offer(properties.workers() > 0 ? pythons.get().interpreters() : List.of())
                        .withTasks(catalog.names()));
    }

    @EventListener(ApplicationReadyEvent.class)
    void start(ApplicationReadyEvent ready) {
        pool.start(poolName(ready.getApplicationContext()));
        if (properties.workers() > 0) {
            LOG.info("{} in-process pipeline worker(s) started", properties.workers());
        }
    }

    /**
     * The workers' name, after the server's HTTP port: with the host their lease holder carries, it tells apart the
     * pools of servers sharing a database (one host, several ports; several hosts), and stays the same across
     * restarts of one server.
     */
    static String poolName(ApplicationContext context) {
        if (context instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            return "in-process-" + web.getWebServer().getPort();
        }
        return "in-process";
    }

    @Override
    public void destroy() throws IOException {
        pool.stopNow();
        workspaces.close();
    }
}
