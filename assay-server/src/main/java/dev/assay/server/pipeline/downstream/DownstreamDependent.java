package dev.assay.server.pipeline.downstream;

/**
 * One dependent's re-test: its project, version and re-test pipeline (all null when the reader may not read the
 * project), the outcome compared with its earlier ordinary pipeline, and both pipelines' statuses.
 */
public record DownstreamDependent(String project, String version, Long pipelineId, Long baselinePipelineId,
        String status, String baselineStatus, String outcome) {

    static final String PASSED = "passed";
    static final String NEWLY_FAILING = "newly failing";
    static final String STILL_FAILING = "still failing";
    static final String FAILING = "failing";
    static final String PENDING = "pending";

    /** Whether the reader may see which project this is. */
    public boolean named() {
        return project != null;
    }

    /** The outcome of a re-test ending in {@code status}, its dependent having ended {@code baselineStatus} before. */
    static String outcome(String status, String baselineStatus) {
        if (!ended(status)) {
            return PENDING;
        }
        if (PASSED.equals(status)) {
            return PASSED;
        }
        if (PASSED.equals(baselineStatus)) {
            return NEWLY_FAILING;
        }
        return ended(baselineStatus) ? STILL_FAILING : FAILING;
    }

    private static boolean ended(String status) {
        return "passed".equals(status) || "failed".equals(status) || "error".equals(status);
    }
}
