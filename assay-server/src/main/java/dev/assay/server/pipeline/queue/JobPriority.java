package dev.assay.server.pipeline.queue;

/** Which queued jobs a claim takes first: the higher {@code value}, then the oldest. */
public enum JobPriority {
    /** Uploads, pushes and re-runs people ask for. */
    NORMAL(0),
    /** Re-tests of dependents with a new release staged: taken only when nothing else waits. */
    DOWNSTREAM(-10);

    private final int value;

    JobPriority(int value) {
        this.value = value;
    }

    /** The value stored in {@code pipeline_jobs.priority}. */
    public int value() {
        return value;
    }
}
