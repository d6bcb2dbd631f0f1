package dev.assay.tasks;

import java.util.Objects;
import java.util.regex.Pattern;

/** The name of a piece of data that tasks exchange, such as {@code sdist}, {@code wheel} or {@code junit-xml}. */
public record DataKey(String name) implements Comparable<DataKey> {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    public static final DataKey SDIST = new DataKey("sdist");
    public static final DataKey WHEEL = new DataKey("wheel");
    public static final DataKey VENV = new DataKey("venv");
    public static final DataKey JUNIT_XML = new DataKey("junit-xml");

    public DataKey {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "data key '" + name + "' must be lower-case letters, digits, '.', '_' or '-'");
        }
    }

    public static DataKey of(String name) {
        return new DataKey(name);
    }

    @Override
    public int compareTo(DataKey other) {
        return name.compareTo(other.name);
    }

    @Override
    public String toString() {
        return name;
    }
}
