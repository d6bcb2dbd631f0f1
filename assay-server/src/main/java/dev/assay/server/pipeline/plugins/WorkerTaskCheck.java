package dev.assay.server.pipeline.plugins;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.assay.server.pipeline.WorkerOffer;

/**
 * Whether a worker may claim jobs: it must offer every enabled plugin task this server has installed, since every job
 * runs them. A worker lacking one is told which, and gets no job until it has them. Command tasks need nothing of the
 * worker: their definitions come with the task switches it asks for before each job.
 */
@Component
public class WorkerTaskCheck {

    private final TaskSwitches switches;

    WorkerTaskCheck(TaskSwitches switches) {
        this.switches = switches;
    }

    /** Refuses {@code offer} when it lacks an enabled plugin task, naming them. */
    public void requireTasks(WorkerOffer offer) {
        List<String> lacking = switches.enabledPlugins().stream().filter(name -> !offer.tasks().contains(name))
                .toList();
        if (!lacking.isEmpty()) {
            throw new WorkerLacksTasks("this worker lacks the enabled task(s) " + String.join(", ", lacking)
                    + ": it gets no job until it has them (put the plugins' jars in its plugins folder, assay worker "
                    + "--plugins DIR, and restart it) or an administrator disables them (assay plugins disable)");
        }
    }

    /** A claim refused because the worker lacks enabled tasks. */
    public static final class WorkerLacksTasks extends dev.assay.server.error.ConflictException {

        WorkerLacksTasks(String message) {
            super(message);
        }
    }
}
