package dev.assay.server.pipeline.rawdata;

import java.io.IOException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Removes the kept raw-data files of deleted pipelines at start and every {@code assay.pipeline.raw-files.sweep}.
 * Pipelines go with their release or project through the database's cascades, which no code sees; until the
 * sweep, their files are unreachable, since a download needs the pipeline's rows.
 */
@Component
@ConditionalOnWebApplication
class RawFileSweeper implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(RawFileSweeper.class);

    private final RawFiles rawFiles;
    private final RawFileLimits limits;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "assay-raw-file-sweeper");
        thread.setDaemon(true);
        return thread;
    });

    RawFileSweeper(RawFiles rawFiles, RawFileLimits limits) {
        this.rawFiles = rawFiles;
        this.limits = limits;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        long every = limits.sweep().toMillis();
        timer.scheduleWithFixedDelay(this::sweep, 0, every, TimeUnit.MILLISECONDS);
    }

    void sweep() {
        try {
            int cleared = rawFiles.sweep();
            if (cleared > 0) {
                LOG.info("removed the kept raw-data files of {} deleted pipeline(s)", cleared);
            }
        } catch (IOException | RuntimeException failure) {
            // the next sweep tries again; meanwhile the files are unreachable, only wasted space
            LOG.warn("could not remove the raw-data files of deleted pipelines: {}", failure.toString());
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }
}
