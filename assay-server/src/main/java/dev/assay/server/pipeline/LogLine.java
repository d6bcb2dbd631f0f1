package dev.assay.server.pipeline;

import java.time.Instant;

/** One line of a job's log: which attempt and task wrote it (task null for the worker itself), and when. */
public record LogLine(int attempt, String task, String line, Instant at) {
}
