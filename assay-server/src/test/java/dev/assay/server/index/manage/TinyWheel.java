package dev.assay.server.index.manage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** A minimal valid pure-Python wheel, built in memory, with the metadata fields twine would send beside it. */
record TinyWheel(String name, String version, List<String> requiresDist) {

    static final String SUMMARY = "A tiny package for tests";

    String filename() {
        return stem() + "-py3-none-any.whl";
    }

    String metadata() {
        StringBuilder text = new StringBuilder("Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version
                + "\nSummary: " + SUMMARY + "\n");
        requiresDist.forEach(requirement -> text.append("Requires-Dist: ").append(requirement).append('\n'));
        return text.toString();
    }

    byte[] bytes() {
        String module = name.replace('-', '_');
        String distInfo = stem() + ".dist-info/";
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            add(zip, module + "/__init__.py", "VALUE = 1\n");
            add(zip, distInfo + "METADATA", metadata());
            add(zip, distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n");
            add(zip, distInfo + "RECORD", module + "/__init__.py,,\n" + distInfo + "METADATA,,\n" + distInfo + "WHEEL,,\n"
                    + distInfo + "RECORD,,\n");
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return buffer.toByteArray();
    }

    private String stem() {
        return name.replace('-', '_') + "-" + version;
    }

    private static void add(ZipOutputStream zip, String path, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
