package dev.assay.server.pipeline.plugins;

import java.util.List;
import java.util.Set;

/**
 * Which tasks run, as the server tells its workers before each job: the {@code enabled} and the {@code disabled}
 * names it knows, and the definitions of its command tasks ({@code commands}), which every worker builds and runs in
 * its own sandbox. A worker runs a built-in task unless it is disabled, and a plugin or command task only if enabled.
 */
public record TaskState(Set<String> enabled, Set<String> disabled, List<CommandTaskProperties> commands) {

    /** Nothing known: built-ins run, added tasks do not. */
    public static final TaskState DEFAULTS = new TaskState(Set.of(), Set.of(), List.of());

    public TaskState {
        enabled = enabled == null ? Set.of() : Set.copyOf(enabled);
        disabled = disabled == null ? Set.of() : Set.copyOf(disabled);
        commands = commands == null ? List.of() : List.copyOf(commands);
    }

    /** Whether a task named {@code name} runs; {@code builtIn} says whether it runs when nobody decided. */
    public boolean runs(String name, boolean builtIn) {
        return builtIn ? !disabled.contains(name) : enabled.contains(name);
    }
}
