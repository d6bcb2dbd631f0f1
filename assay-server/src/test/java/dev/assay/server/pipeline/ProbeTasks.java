package dev.assay.server.pipeline;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.annotation.Primary;

import dev.assay.server.pipeline.workers.MetadataReport;
import dev.assay.server.pipeline.workers.MetadataTask;
import dev.assay.server.pipeline.workers.PipelineTasks;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.report.ReportEvaluator;

/**
 * The metadata check and a {@code probe} task that attaches files of known sizes and records test counts the way
 * the test task does, so raw-data keeping and the release page can be checked without a sandbox.
 */
@Primary
public class ProbeTasks implements PipelineTasks {

    public static final String TRACE = "a-trace";
    public static final String LOG = "b-log";
    public static final String JUNIT = "c-junit-xml";
    public static final String LATE_LOG = "d-log";
    public static final String LOG_TEXT = "probe says hällo\n";
    public static final String JUNIT_TEXT = "<testsuite tests=\"4\" failures=\"1\"><testcase name=\"t\"/></testsuite>\n";

    @Override
    public List<Task> tasks() {
        return List.of(new MetadataTask(), new Probe());
    }

    @Override
    public List<ReportEvaluator> evaluators() {
        return List.of(new MetadataReport());
    }

    /** The bytes of a file of {@code size} bytes: digits, so a prefix is easy to check. */
    public static String digits(int size) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < size; i++) {
            text.append((char) ('0' + i % 10));
        }
        return text.toString();
    }

    private static final class Probe implements Task {

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public Set<DataKey> consumes() {
            return Set.of(PipelineTasks.DISTRIBUTION);
        }

        @Override
        public Set<DataKey> produces() {
            return Set.of();
        }

        @Override
        public TaskResult run(TaskContext context) throws Exception {
            Path directory = Files.createDirectories(context.workspace().resolve("probe"));
            attach(context, directory, TRACE, digits(3000));
            attach(context, directory, LOG, LOG_TEXT);
            attach(context, directory, JUNIT, JUNIT_TEXT);
            attach(context, directory, LATE_LOG, digits(600));
            context.record("tests", Map.of("passed", 3, "failed", 1, "skipped", 0, "errors", 0, "failures",
                    List.of(Map.of("name", "test_b", "message", "assert 1 == 2", "error", false))));
            context.log("probing");
            return TaskResult.failed("3 passed, 1 failed");
        }

        private static void attach(TaskContext context, Path directory, String name, String text) throws Exception {
            Path file = Files.writeString(directory.resolve(name), text, StandardCharsets.UTF_8);
            context.attach(name, context.workspace().relativize(file));
        }
    }
}
