package dev.assay.server.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.assay.server.pipeline.queue.JobQueue;

/**
 * One task's result as a worker sends it and the API shows it.
 *
 * @param outcome  passed, failed, error or skipped
 * @param rawData  the task's raw data: {@code values} (JSON) and {@code files}; a worker's {@code files} are
 *                 ignored, and the stored result lists instead, by name, the files the job attempt attached
 *                 with {@link JobQueue#attach} ({@code name}, {@code size}, {@code truncated}, and when cut
 *                 {@code originalSize} and the {@code limit} that cut it)
 */
public record TaskReport(String name, String outcome, Instant startedAt, Instant endedAt, long durationMs,
        String summary, List<FindingView> findings, Map<String, Object> rawData) {

    public TaskReport {
        findings = findings == null ? List.of() : List.copyOf(findings);
        rawData = rawData == null ? Map.of() : rawData;
    }
}
