package dev.assay.tasks.builtin;

import java.nio.file.Path;
import java.util.List;

/**
 * The {@link BuildTask#BUILD_WHEELHOUSE} data: the build requirements of the sources under test, the directory
 * (relative to the workspace, or absolute) where the index's wheels for them were staged, and the requirements the
 * index could not satisfy. Only when every requirement was staged does a build run with them; otherwise it runs
 * with the worker's Python, as before there was a build wheelhouse.
 *
 * @param requires  the {@code [build-system] requires} read from the sources
 * @param directory the staged wheels, or null when nothing was staged
 * @param missing   the requirements the index could not satisfy
 */
public record BuildWheelhouse(List<String> requires, Path directory, List<String> missing) {

    public BuildWheelhouse {
        requires = List.copyOf(requires);
        missing = List.copyOf(missing);
    }

    /** No build wheelhouse: builds use the worker's Python. */
    public static BuildWheelhouse none() {
        return new BuildWheelhouse(List.of(), null, List.of());
    }

    /** Whether every build requirement was staged, so the build can use the wheelhouse alone. */
    public boolean complete() {
        return directory != null && missing.isEmpty();
    }

    /** Why a build uses the worker's Python rather than the wheelhouse; empty when it does not. */
    public String whyWorkerPython() {
        if (complete()) {
            return "";
        }
        return directory == null && missing.isEmpty() ? "no build wheelhouse was staged"
                : "build requirements not in this index: " + String.join(", ", missing);
    }
}
