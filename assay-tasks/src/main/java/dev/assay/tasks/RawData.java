package dev.assay.tasks;

import java.nio.file.Path;
import java.util.Map;

/**
 * What one task execution recorded: structured values and files, the files relative to the job workspace.
 *
 * <p>Raw data is evidence, not judgement; a {@code Report} evaluates it. Values are plain JSON-like data
 * (strings, numbers, booleans, lists, maps or records) so the server can store them as JSON.
 */
public record RawData(Map<String, Object> values, Map<String, Path> files) {

    public static final RawData EMPTY = new RawData(Map.of(), Map.of());

    public RawData {
        values = Map.copyOf(values);
        files = Map.copyOf(files);
    }
}
