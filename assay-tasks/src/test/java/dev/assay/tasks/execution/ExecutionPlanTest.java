package dev.assay.tasks.execution;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.assay.tasks.execution.FakeTask.passing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ExecutionPlanTest {

    @Test
    void ordersAChainByDataDependency() {
        Task a = passing("a", "b-out", "");
        Task b = passing("b", "c-out", "b-out");
        Task c = passing("c", "", "c-out");

        ExecutionPlan plan = ExecutionPlan.of(List.of(a, b, c), Set.of());

        assertThat(plan.tasks()).extracting(Task::name).containsExactly("c", "b", "a");
        assertThat(plan.dependenciesOf(a)).containsExactly(b);
        assertThat(plan.producerOf(DataKey.of("c-out"))).contains(c);
    }

    @Test
    void keepsTheGivenOrderBetweenIndependentTasks() {
        ExecutionPlan plan = ExecutionPlan.of(
                List.of(passing("lint", "sdist", ""), passing("build", "sdist", "wheel"),
                        passing("install", "wheel", "")),
                Set.of(DataKey.SDIST));

        assertThat(plan.tasks()).extracting(Task::name).containsExactly("lint", "build", "install");
    }

    @Test
    void rejectsAnInputThatNoTaskProducesNamingTaskAndKey() {
        assertThatThrownBy(() -> ExecutionPlan.of(List.of(passing("install", "wheel", "venv")), Set.of()))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("'install'")
                .hasMessageContaining("'wheel'");
    }

    @Test
    void acceptsAnInputThatIsInitialData() {
        ExecutionPlan plan = ExecutionPlan.of(List.of(passing("build", "sdist", "wheel")), Set.of(DataKey.SDIST));

        assertThat(plan.tasks()).hasSize(1);
        assertThat(plan.producerOf(DataKey.SDIST)).isEmpty();
    }

    @Test
    void rejectsACycleNamingTheTasksInIt() {
        List<Task> tasks = List.of(passing("outside", "x", ""), passing("x-maker", "z", "x"),
                passing("y-maker", "x", "y"), passing("z-maker", "y", "z"));

        assertThatThrownBy(() -> ExecutionPlan.of(tasks, Set.of()))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("cycle")
                .hasMessageContaining("'x-maker'").hasMessageContaining("'y-maker'")
                .hasMessageContaining("'z-maker'")
                .hasMessageNotContaining("'outside'");
    }

    @Test
    void rejectsATaskThatConsumesWhatItProduces() {
        assertThatThrownBy(() -> ExecutionPlan.of(List.of(passing("loop", "d", "d")), Set.of()))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("cycle: 'loop' → 'loop'");
    }

    @Test
    void rejectsTwoProducersOfOneKey() {
        assertThatThrownBy(() -> ExecutionPlan.of(
                List.of(passing("one", "", "wheel"), passing("two", "", "wheel")), Set.of()))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("'one' and 'two' both produce 'wheel'");
    }

    @Test
    void rejectsProducingInitialData() {
        assertThatThrownBy(() -> ExecutionPlan.of(List.of(passing("fetch", "", "sdist")), Set.of(DataKey.SDIST)))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("'fetch' produces 'sdist', which is initial data");
    }

    @Test
    void rejectsTwoTasksWithOneName() {
        assertThatThrownBy(() -> ExecutionPlan.of(List.of(passing("build", "", ""), passing("build", "", "")),
                Set.of()))
                .isInstanceOf(PlanException.class)
                .hasMessageContaining("two tasks are named 'build'");
    }

    @Test
    void reportsEveryMissingInputAtOnce() {
        PlanException e = assertThrows(PlanException.class,
                () -> ExecutionPlan.of(List.of(passing("a", "p", ""), passing("b", "q", "")), Set.of()));

        assertThat(e.problems()).hasSize(2);
    }
}
