package dev.assay.server.pipeline.sourcematch;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;

/** Reads the source-match API's answer in tests: one file's entry, its differences as {@code path: reason}. */
final class SourceJson {

    private SourceJson() {
    }

    /** The file whose name ends with {@code suffix}. */
    static JsonNode file(JsonNode source, String suffix) {
        for (JsonNode file : source.get("files")) {
            if (file.get("filename").asString().endsWith(suffix)) {
                return file;
            }
        }
        throw new AssertionError("no " + suffix + " in " + source);
    }

    /** The file's differences, each as {@code path: reason}. */
    static List<String> differences(JsonNode file) {
        List<String> found = new ArrayList<>();
        file.get("differences").forEach(d -> found.add(d.get("path").asString() + ": " + d.get("reason").asString()));
        return found;
    }
}
