package dev.assay.server.cli;

import java.util.concurrent.Callable;

import dev.assay.server.pipeline.plugins.TaskList;
import dev.assay.server.pipeline.plugins.TaskView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code assay plugins ...}: list the pipeline's tasks and switch them on and off without uninstalling anything, in a
 * data directory's database or through a running server's admin API ({@code --server}); every answer says where.
 */
@Command(name = "plugins", description = "List the pipeline's tasks and switch them on and off.",
        subcommands = {PluginsCommand.ListTasks.class, PluginsCommand.Enable.class, PluginsCommand.Disable.class})
final class PluginsCommand {

    /** {@code assay plugins list}. */
    @Command(name = "list", description = "List every installed task: origin, data consumed and produced, state.")
    static final class ListTasks implements Callable<Integer> {

        @Mixin
        AdminTarget target;

        @Override
        public Integer call() {
            try (AdminBackend admin = target.open(false)) {
                System.err.println("pipeline tasks in " + admin.location());
                System.out.printf("%-18s %-9s %-30s %-28s %-24s %s%n", "NAME", "STATE", "ORIGIN", "CONSUMES",
                        "PRODUCES", "CHANGED");
                TaskList list = admin.tasks();
                list.tasks().forEach(PluginsCommand::printRow);
                list.problems().forEach(problem -> System.err.println("not installed: " + problem));
            }
            return 0;
        }
    }

    /** What {@code enable} and {@code disable} share: the task's name, where to act, and how to answer. */
    abstract static class SwitchTask implements Callable<Integer> {

        @Parameters(paramLabel = "NAME", description = "The task's name, as `plugins list` shows it.")
        String name;

        @Mixin
        AdminTarget target;

        abstract boolean enabled();

        @Override
        public Integer call() {
            try (AdminBackend admin = target.open(false)) {
                TaskView task = admin.switchTask(name, enabled());
                System.out.println((task.enabled() ? "enabled" : "disabled") + " task " + task.name() + " in "
                        + admin.location());
            }
            return 0;
        }
    }

    /** {@code assay plugins enable}. */
    @Command(name = "enable", description = "Enable a task: pipelines run it from their next job.")
    static final class Enable extends SwitchTask {

        @Override
        boolean enabled() {
            return true;
        }
    }

    /** {@code assay plugins disable}. */
    @Command(name = "disable", description = "Disable a task: pipelines skip it (and what needs its data) from their "
            + "next job; nothing is uninstalled.")
    static final class Disable extends SwitchTask {

        @Override
        boolean enabled() {
            return false;
        }
    }

    private static void printRow(TaskView task) {
        String origin = task.origin() + (task.source().isEmpty() ? "" : " " + task.source())
                + (task.version().isEmpty() ? "" : " " + task.version());
        System.out.printf("%-18s %-9s %-30s %-28s %-24s %s%n", task.name(), task.enabled() ? "enabled" : "disabled",
                origin, String.join(",", task.consumes()), String.join(",", task.produces()),
                task.changedBy() == null ? "default" : task.changedBy() + " " + task.changedAt());
    }
}
