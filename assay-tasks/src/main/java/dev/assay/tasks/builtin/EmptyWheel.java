package dev.assay.tasks.builtin;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A wheel with one empty module and no dependencies: what the install baseline installs. */
final class EmptyWheel {

    static final String FILE_NAME = "assay_baseline_empty-0.0-py3-none-any.whl";
    private static final String DIST_INFO = "assay_baseline_empty-0.0.dist-info/";

    private EmptyWheel() {
    }

    /** Writes the wheel into {@code directory} and returns its path. */
    static Path write(Path directory) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("assay_baseline_empty/__init__.py", "");
        entries.put(DIST_INFO + "METADATA", "Metadata-Version: 2.1\nName: assay-baseline-empty\nVersion: 0.0\n");
        entries.put(DIST_INFO + "WHEEL", "Wheel-Version: 1.0\nGenerator: assay\nRoot-Is-Purelib: true\n"
                + "Tag: py3-none-any\n");
        entries.put(DIST_INFO + "top_level.txt", "assay_baseline_empty\n");
        StringBuilder record = new StringBuilder();
        entries.keySet().forEach(name -> record.append(name).append(",,\n"));
        entries.put(DIST_INFO + "RECORD", record.append(DIST_INFO).append("RECORD,,\n").toString());
        Path wheel = directory.resolve(FILE_NAME);
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return wheel;
    }
}
