package dev.assay.server.pipeline.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.workers.MetadataTask;
import dev.assay.server.pipeline.workers.PipelineTasks;
import dev.assay.tasks.Task;
import dev.assay.tasks.command.CommandResult;
import dev.assay.tasks.command.CommandTask;
import dev.assay.tasks.execution.PlanException;
import dev.assay.tasks.report.ReportEvaluator;

/** A worker's tasks built from what the server sends before each job: its switches and its command tasks. */
class SwitchedTasksTest {

    private static final PipelineTasks METADATA_ONLY = new PipelineTasks() {
        @Override
        public List<Task> tasks() {
            return List.of(new MetadataTask());
        }

        @Override
        public List<ReportEvaluator> evaluators() {
            return List.of();
        }
    };

    private static final ClaimedJob JOB = new ClaimedJob(1, 1, 1, "lease", Instant.EPOCH, "p", "1.0", "p-1.0.tar.gz",
            null, null, null, null, null, null, null, null);

    private final List<TaskState> sent = new ArrayList<>();
    private final SwitchedTasks tasks;

    SwitchedTasksTest() {
        TaskCatalog catalog = TaskCatalog.load(List.of(new MetadataTask()), null, List.of(),
                request -> CommandResult.exited(0));
        tasks = new SwitchedTasks(METADATA_ONLY, catalog, () -> sent.get(sent.size() - 1));
    }

    @Test
    void buildsTheCommandTasksTheServerSendsAndSwitchesThem() throws Exception {
        sent.add(new TaskState(Set.of("notes"), Set.of(), List.of(command("notes"), command("other"))));

        List<Task> built = tasks.tasks(JOB);

        assertThat(built).extracting(Task::name).containsExactly("metadata", "notes", "other");
        assertThat(built.get(1)).isInstanceOf(CommandTask.class);
        assertThat(built.get(2)).as("not enabled").isInstanceOf(SwitchedOffTask.class);
        assertThat(tasks.evaluators()).extracting(ReportEvaluator::taskName).containsExactly("notes", "other");

        sent.add(new TaskState(Set.of(), Set.of("notes", "metadata"), List.of(command("notes"))));
        assertThat(tasks.tasks(JOB)).extracting(Task::name).containsExactly("metadata", "notes");
        assertThat(tasks.tasks(JOB)).allMatch(task -> task instanceof SwitchedOffTask);
        assertThat(tasks.evaluators()).extracting(ReportEvaluator::taskName).containsExactly("notes");
    }

    @Test
    void aCommandTaskNamedLikeOneOfTheWorkersOwnIsLeftOut() throws Exception {
        sent.add(new TaskState(Set.of("metadata"), Set.of(), List.of(command("metadata"))));

        assertThat(tasks.tasks(JOB)).singleElement().isInstanceOf(MetadataTask.class);
    }

    @Test
    void aDefinitionTheWorkerCannotBuildStopsTheJobsPlanNamingIt() {
        sent.add(new TaskState(Set.of("bad"), Set.of(), List.of(new CommandTaskProperties("bad", List.of(),
                List.of(), List.of("cat", "{in:nothing}"), null, null))));

        assertThatThrownBy(() -> tasks.tasks(JOB)).isInstanceOf(PlanException.class)
                .hasMessageContaining("the server's command task 'bad'");
    }

    private static CommandTaskProperties command(String name) {
        return new CommandTaskProperties(name, List.of("sdist"), List.of(), List.of("true"), "^note: (?<message>.*)$",
                "info");
    }
}
