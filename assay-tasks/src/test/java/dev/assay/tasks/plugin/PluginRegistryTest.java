package dev.assay.tasks.plugin;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.command.CommandTask;
import dev.assay.tasks.command.CommandTaskDefinition;
import dev.assay.tasks.command.CommandResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class PluginRegistryTest {

    private static final String PLUGIN_SOURCE = """
            package sample.plugin;

            import dev.assay.tasks.*;
            import java.util.Set;

            public class WordCountTask implements Task {
                public String name() { return "word-count"; }
                public Set<DataKey> consumes() { return Set.of(DataKey.SDIST); }
                public Set<DataKey> produces() { return Set.of(); }
                public TaskResult run(TaskContext context) { return TaskResult.passed("counted"); }
            }
            """;

    @TempDir
    Path temp;

    @Test
    void findsBuiltInsOnTheClassPath() throws Exception {
        try (PluginLoader loader = new PluginLoader(getClass().getClassLoader())) {
            PluginDiscovery builtIns = loader.builtIns();

            assertThat(builtIns.tasks()).extracting(InstalledTask::name).containsExactly("echo");
            assertThat(builtIns.tasks().get(0).origin().kind()).isEqualTo(TaskOrigin.Kind.BUILT_IN);
            assertThat(builtIns.problems()).isEmpty();
        }
    }

    @Test
    void findsTasksInPluginJarsAndSaysWhichJar() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        Path jar = PluginJar.build(plugins.resolve("word-count.jar"), temp.resolve("build"),
                "sample.plugin.WordCountTask", PLUGIN_SOURCE);
        Files.writeString(plugins.resolve("README.txt"), "not a plugin");

        try (PluginLoader loader = new PluginLoader(getClass().getClassLoader())) {
            PluginDiscovery found = loader.fromFolder(plugins);

            // The class path's own "echo" is visible through the jar's loader but is not the jar's.
            assertThat(found.tasks()).extracting(InstalledTask::name).containsExactly("word-count");
            InstalledTask task = found.tasks().get(0);
            assertThat(task.origin()).isEqualTo(new TaskOrigin(TaskOrigin.Kind.PLUGIN_JAR, jar.toString()));
            assertThat(task.task().consumes()).containsExactly(DataKey.SDIST);
            assertThat(task.enabled()).isTrue();
        }
    }

    @Test
    void aBrokenJarIsAProblemNotAFailure() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        PluginJar.broken(plugins.resolve("a-broken.jar"));
        PluginJar.build(plugins.resolve("b-good.jar"), temp.resolve("build"), "sample.plugin.WordCountTask",
                PLUGIN_SOURCE);

        try (PluginLoader loader = new PluginLoader(getClass().getClassLoader())) {
            PluginDiscovery found = loader.fromFolder(plugins);

            assertThat(found.tasks()).extracting(InstalledTask::name).containsExactly("word-count");
            assertThat(found.problems()).singleElement().asString()
                    .contains("a-broken.jar").contains("no.such.Task");
        }
    }

    @Test
    void aProviderThatThrowsIsAProblemCarryingItsOwnMessageAndCause() throws Exception {
        Path plugins = Files.createDirectories(temp.resolve("plugins"));
        PluginJar.build(plugins.resolve("throws.jar"), temp.resolve("build"), "sample.plugin.ThrowingTask", """
                package sample.plugin;

                import dev.assay.tasks.*;
                import java.util.Set;

                public class ThrowingTask implements Task {
                    public ThrowingTask() {
                        throw new IllegalStateException("no licence key",
                                new java.io.FileNotFoundException("/etc/sample/key"));
                    }
                    public String name() { return "throwing"; }
                    public Set<DataKey> consumes() { return Set.of(); }
                    public Set<DataKey> produces() { return Set.of(); }
                    public TaskResult run(TaskContext context) { return TaskResult.passed(); }
                }
                """);

        try (PluginLoader loader = new PluginLoader(getClass().getClassLoader())) {
            PluginDiscovery found = loader.fromFolder(plugins);

            assertThat(found.tasks()).isEmpty();
            assertThat(found.problems()).singleElement().asString().contains("throws.jar",
                    "sample.plugin.ThrowingTask could not be instantiated",
                    "caused by java.lang.IllegalStateException: no licence key",
                    "caused by java.io.FileNotFoundException: /etc/sample/key");
        }
    }

    @Test
    void noPluginsFolderMeansNoPlugins() throws Exception {
        try (PluginLoader loader = new PluginLoader(getClass().getClassLoader())) {
            assertThat(loader.fromFolder(temp.resolve("missing")).tasks()).isEmpty();
        }
    }

    @Test
    void disablingATaskKeepsItInstalledButOutOfJobs() {
        PluginRegistry registry = new PluginRegistry(List.of(
                new InstalledTask(new EchoTask(), new TaskOrigin(TaskOrigin.Kind.BUILT_IN, "class path"), true),
                configured("lint-extra")));

        registry.setEnabled("echo", false);

        assertThat(registry.list()).extracting(InstalledTask::name, InstalledTask::enabled)
                .containsExactly(tuple("echo", false),
                        tuple("lint-extra", true));
        assertThat(registry.enabledTasks()).extracting(Task::name).containsExactly("lint-extra");

        registry.setEnabled("echo", true);
        assertThat(registry.enabledTasks()).extracting(Task::name).containsExactly("echo", "lint-extra");
    }

    @Test
    void refusesTwoTasksWithOneNameNamingBothOrigins() {
        List<InstalledTask> installed = new ArrayList<>();
        installed.add(new InstalledTask(new EchoTask(), new TaskOrigin(TaskOrigin.Kind.BUILT_IN, "class path"), true));
        installed.add(configured("echo"));

        assertThatThrownBy(() -> new PluginRegistry(installed))
                .isInstanceOf(PluginException.class)
                .hasMessageContaining("'echo'").hasMessageContaining("built-in")
                .hasMessageContaining("configured in assay.yml");
    }

    @Test
    void refusesToSwitchAnUnknownTask() {
        PluginRegistry registry = new PluginRegistry(List.of());

        assertThatThrownBy(() -> registry.setEnabled("ghost", false)).hasMessageContaining("'ghost'");
    }

    private static InstalledTask configured(String name) {
        CommandTask task = new CommandTask(new CommandTaskDefinition(name, Set.of(), Set.of(), List.of("true")),
                request -> CommandResult.exited(0));
        return new InstalledTask(task, new TaskOrigin(TaskOrigin.Kind.CONFIGURATION, "assay.yml"), true);
    }
}
