package dev.assay.tasks.plugin;

import java.util.Objects;

/** Where an installed task came from: the kind of source and which one (a jar path, a configuration file). */
public record TaskOrigin(Kind kind, String source) {

    /** The kinds of places tasks come from. */
    public enum Kind {
        /** Shipped with Assay, found on the class path. */
        BUILT_IN,
        /** A {@code *.jar} in the plugins folder. */
        PLUGIN_JAR,
        /** A command task declared in configuration. */
        CONFIGURATION
    }

    public TaskOrigin {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return switch (kind) {
            case BUILT_IN -> "built-in";
            case PLUGIN_JAR -> "plugin " + source;
            case CONFIGURATION -> "configured in " + source;
        };
    }
}
