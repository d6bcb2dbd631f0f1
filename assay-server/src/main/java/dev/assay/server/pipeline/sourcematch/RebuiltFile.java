package dev.assay.server.pipeline.sourcematch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A file the {@code rebuild} task built from the tagged commit, as its raw data records it.
 *
 * @param entries path inside the archive (an sdist's top folder left out) → hex SHA-256
 */
record RebuiltFile(String filename, String sha256, Map<String, String> entries) {

    /** The files recorded under {@code files} in a rebuild's raw-data values; what is not well-formed is left out. */
    static List<RebuiltFile> fromRawValues(Object files) {
        List<RebuiltFile> rebuilt = new ArrayList<>();
        if (!(files instanceof List<?> list)) {
            return rebuilt;
        }
        for (Object item : list) {
            if (item instanceof Map<?, ?> file && file.get("filename") instanceof String name
                    && file.get("sha256") instanceof String sha256 && file.get("entries") instanceof Map<?, ?> raw) {
                Map<String, String> entries = new TreeMap<>();
                raw.forEach((path, hash) -> entries.put(String.valueOf(path), String.valueOf(hash)));
                rebuilt.add(new RebuiltFile(name, sha256, Map.copyOf(entries)));
            }
        }
        return rebuilt;
    }

    boolean isWheel() {
        return filename.endsWith(".whl");
    }
}
