package dev.assay.server.review.change.gate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Primary;

import dev.assay.server.pipeline.workers.PipelineTasks;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.builtin.SdistTask;
import dev.assay.tasks.report.ReportEvaluator;

/**
 * Pipelines of pushed commits that pass or fail as the commit's {@code VERDICT} file says ({@code fail}: failed),
 * run by the real in-process worker without a sandbox (registered as an extra bean).
 */
@Primary
public class VerdictTasks implements PipelineTasks {

    @Override
    public List<Task> tasks() {
        return List.of(new Verdict());
    }

    @Override
    public List<ReportEvaluator> evaluators() {
        return List.of();
    }

    private static final class Verdict implements Task {

        @Override
        public String name() {
            return "verdict";
        }

        @Override
        public Set<DataKey> consumes() {
            return Set.of(SdistTask.SOURCE_TREE);
        }

        @Override
        public Set<DataKey> produces() {
            return Set.of();
        }

        @Override
        public TaskResult run(TaskContext context) throws Exception {
            Path tree = context.input(SdistTask.SOURCE_TREE, Path.class);
            Path verdict = tree.resolve("VERDICT");
            boolean fails = Files.exists(verdict)
                    && Files.readString(verdict, StandardCharsets.UTF_8).strip().equals("fail");
            return fails ? TaskResult.failed("the VERDICT file says fail") : TaskResult.passed();
        }
    }
}
