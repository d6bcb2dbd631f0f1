package dev.assay.server.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds small but complete wheels (zip with a {@code .dist-info}) and sdists ({@code tar.gz} with
 * {@code PKG-INFO}, packed by the system's {@code tar}) from core metadata, without running Python.
 */
public final class TestDistributions {

    private TestDistributions() {
    }

    /** A distribution to build: name, version, further metadata headers ("Summary: …") and the description body. */
    public record Spec(String name, String version, List<String> headers, String description) {

        /** The core metadata text (Metadata-Version 2.4), description as the body. */
        public String metadata() {
            StringBuilder text = new StringBuilder("Metadata-Version: 2.4\nName: " + name + "\nVersion: " + version + "\n");
            headers.forEach(header -> text.append(header).append('\n'));
            text.append('\n').append(description);
            return text.toString();
        }

        /** The upload form fields twine would send for this metadata: one per header, names in lower snake case. */
        public List<String[]> formFields() {
            List<String[]> fields = new ArrayList<>();
            fields.add(new String[] {"metadata_version", "2.4"});
            fields.add(new String[] {"name", name});
            fields.add(new String[] {"version", version});
            for (String header : headers) {
                int colon = header.indexOf(':');
                String field = header.substring(0, colon).strip().toLowerCase().replace('-', '_');
                fields.add(new String[] {field, header.substring(colon + 1).strip()});
            }
            fields.add(new String[] {"description", description});
            return fields;
        }

        /** Uploads the built file with the form fields of this metadata; fails unless the server accepts it. */
        public void upload(Path file, String serverUrl, String user, String password)
                throws IOException, InterruptedException {
            HttpResponse<String> response = request(file).send(serverUrl, user, password);
            if (response.statusCode() != 200) {
                throw new AssertionError("upload of " + file.getFileName() + " failed: " + response.statusCode() + " "
                        + response.body());
            }
        }

        /** The upload of the built file with the form fields of this metadata, as twine would send it. */
        public UploadRequest request(Path file) throws IOException {
            UploadRequest request = UploadRequest.of(file, name, version);
            for (String[] field : formFields()) {
                if (field[0].equals("name") || field[0].equals("version") || field[0].equals("metadata_version")) {
                    request.replace(field[0], field[1]);
                } else {
                    request.field(field[0], field[1]);
                }
            }
            return request;
        }

        String stem() {
            return name.replaceAll("[-_.]+", "_").toLowerCase() + "-" + version;
        }
    }

    /** Writes {@code <name>-<version>-py3-none-any.whl} into the directory. */
    public static Path wheel(Path directory, Spec spec) throws IOException {
        return wheel(directory, spec, "py3-none-any");
    }

    /**
     * Writes {@code <name>-<version>-<tag>.whl}, its {@code WHEEL} file naming that tag, into the directory: a
     * wheel for another Python or platform (e.g. {@code cp312-cp312-win_amd64}) that installers must pass over.
     */
    public static Path wheel(Path directory, Spec spec, String tag) throws IOException {
        Path wheel = directory.resolve(spec.stem() + "-" + tag + ".whl");
        String distInfo = spec.stem() + ".dist-info/";
        String module = spec.name().replaceAll("[-_.]+", "_").toLowerCase();
        try (OutputStream out = Files.newOutputStream(wheel); ZipOutputStream zip = new ZipOutputStream(out)) {
            add(zip, module + "/__init__.py", "VERSION = '" + spec.version() + "'\n");
            add(zip, distInfo + "METADATA", spec.metadata());
            add(zip, distInfo + "WHEEL", "Wheel-Version: 1.0\nGenerator: assay-tests\nRoot-Is-Purelib: " + tag.endsWith("-any")
                    + "\nTag: " + tag + "\n");
            add(zip, distInfo + "RECORD", module + "/__init__.py,,\n" + distInfo + "METADATA,,\n" + distInfo + "WHEEL,,\n"
                    + distInfo + "RECORD,,\n");
        }
        return wheel;
    }

    /** Writes {@code <name>-<version>.tar.gz} into the directory. */
    public static Path sdist(Path directory, Spec spec) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(directory, "sdist");
        Path root = Files.createDirectories(work.resolve(spec.stem()));
        Files.writeString(root.resolve("PKG-INFO"), spec.metadata());
        Files.writeString(root.resolve("pyproject.toml"), "[project]\nname = \"" + spec.name() + "\"\n");
        Path sdist = directory.resolve(spec.stem() + ".tar.gz");
        Process tar = new ProcessBuilder("tar", "-czf", sdist.toString(), "-C", work.toString(), spec.stem())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!tar.waitFor(1, TimeUnit.MINUTES) || tar.exitValue() != 0) {
            throw new IOException("tar failed: " + output);
        }
        return sdist;
    }

    private static void add(ZipOutputStream zip, String name, String content) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(content.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
