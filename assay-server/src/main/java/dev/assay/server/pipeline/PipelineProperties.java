package dev.assay.server.pipeline;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import dev.assay.tasks.sandbox.SandboxLimits;

/**
 * The test pipeline's settings ({@code assay.pipeline.*}).
 *
 * @param workers      in-process worker threads; 0 leaves every job to remote workers
 * @param lease        how long a claim lasts without a heartbeat
 * @param heartbeat    how often a running in-process worker renews its lease (well below {@code lease})
 * @param poll         how often an idle in-process worker looks for a job
 * @param maxAttempts  claims of one job before it is given up with status error
 * @param taskTimeout  the wall time each task may take
 * @param sandbox      whether to run the sandboxed tasks (build, install, import, test); false runs only the
 *                     in-process checks, and true on a machine without a sandbox records why as an error
 * @param limits       the limits of every sandboxed command ({@code assay.pipeline.limits.*})
 */
@ConfigurationProperties("assay.pipeline")
public record PipelineProperties(
        @DefaultValue("1") int workers,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("30s") Duration heartbeat,
        @DefaultValue("1s") Duration poll,
        @DefaultValue("3") int maxAttempts,
        @DefaultValue("30m") Duration taskTimeout,
        @DefaultValue("true") boolean sandbox,
        @DefaultValue Limits limits) {

    /** The limits of each sandboxed command; the wall time is further cut to what is left of the task's timeout. */
    public record Limits(
            @DefaultValue("2GB") DataSize memory,
            @DefaultValue("256") int processes,
            @DefaultValue("10m") Duration cpuTime,
            @DefaultValue("1GB") DataSize fileSize,
            @DefaultValue("15m") Duration wallTime,
            @DefaultValue("2GB") DataSize workspaceSize) {

        /** The same limits for the sandbox; an invalid one is refused at start-up, naming the setting. */
        public SandboxLimits toSandboxLimits() {
            try {
                return new SandboxLimits(memory.toBytes(), processes, cpuTime, fileSize.toBytes(), wallTime,
                        workspaceSize.toBytes());
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("every assay.pipeline.limits.* setting must be positive: "
                        + invalid.getMessage());
            }
        }
    }

    public PipelineProperties {
        if (workers < 0) {
            throw new IllegalArgumentException("assay.pipeline.workers must be 0 or more, was " + workers);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("assay.pipeline.max-attempts must be at least 1, was " + maxAttempts);
        }
        limits.toSandboxLimits();
    }
}
