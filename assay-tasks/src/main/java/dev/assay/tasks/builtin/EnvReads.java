package dev.assay.tasks.builtin;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The environment variables a traced step's Python code read, which strace cannot see: a recorder
 * ({@code assay_env_reads.py}, loaded by a {@code .pth} file in the venv's {@code site-packages}, so also under
 * {@code python -I}) wraps {@code os.environ} and {@code os.environb} and appends each name read to the file the
 * step's {@value #VARIABLE} names, in the step's task directory. Names only, never values.
 */
final class EnvReads {

    /** The variable naming the file the recorder appends to; without it the recorder does nothing. */
    static final String VARIABLE = "ASSAY_ENV_READS";
    private static final String RECORDER = "assay_env_reads.py";
    private static final int MAX_BYTES = 1 << 20;

    private EnvReads() {
    }

    /** Puts the recorder into every {@code site-packages} of the venv at {@code venv} (on the host). */
    static void hook(Path venv) throws IOException {
        byte[] recorder;
        try (InputStream in = EnvReads.class.getResourceAsStream(RECORDER)) {
            if (in == null) {
                throw new IOException("the bundled script " + RECORDER + " is missing");
            }
            recorder = in.readAllBytes();
        }
        for (Path sitePackages : sitePackages(venv)) {
            Files.write(sitePackages.resolve(RECORDER), recorder);
            Files.writeString(sitePackages.resolve("assay_env_reads.pth"), "import assay_env_reads\n");
        }
    }

    /**
     * The names recorded in {@code file}, less those in {@code baseline}, as behaviour items of kind {@code env},
     * at most {@link Behaviour#MAX_ITEMS}; none when the file is missing.
     */
    static List<Map<String, String>> items(Path file, Set<String> baseline) throws IOException {
        return read(file).stream().filter(name -> !baseline.contains(name)).limit(Behaviour.MAX_ITEMS)
                .map(name -> Map.of("kind", "env", "value", name)).toList();
    }

    /** The distinct names recorded in {@code file}, in the order first read; none when it is missing. */
    static Set<String> read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Set.of();
        }
        byte[] head;
        // The package may write to the file too: only its first MiB is read, so it cannot exhaust the worker.
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(MAX_BYTES);
        }
        List<String> lines = new ArrayList<>(List.of(new String(head, StandardCharsets.UTF_8).split("\n", -1)));
        lines.remove(lines.size() - 1);
        Set<String> names = new LinkedHashSet<>();
        lines.stream().filter(line -> !line.isEmpty()).forEach(names::add);
        return names;
    }

    private static List<Path> sitePackages(Path venv) throws IOException {
        List<Path> found = new ArrayList<>();
        Path lib = venv.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return found;
        }
        try (DirectoryStream<Path> pythons = Files.newDirectoryStream(lib, "python*")) {
            for (Path python : pythons) {
                if (Files.isDirectory(python.resolve("site-packages"))) {
                    found.add(python.resolve("site-packages"));
                }
            }
        }
        return found;
    }
}
