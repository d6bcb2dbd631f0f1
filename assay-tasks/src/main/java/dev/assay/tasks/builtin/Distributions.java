package dev.assay.tasks.builtin;

import dev.assay.packaging.archive.ArchiveEntry;
import dev.assay.packaging.archive.SafeArchive;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/** Reads untrusted distributions on the host through {@link SafeArchive}: unpacks sdists, lists a wheel's modules. */
final class Distributions {

    private Distributions() {
    }

    /**
     * Unpacks {@code sdist} into the absent or empty {@code directory} and returns the project's root: the
     * sdist's single top-level folder (or the directory itself) holding {@code pyproject.toml} or {@code setup.py}.
     *
     * @throws dev.assay.packaging.PackagingException if the archive is unsafe or corrupt
     * @throws IOException if it holds no Python project
     */
    static Path unpackSdist(Path sdist, Path directory) throws IOException {
        try (SafeArchive archive = SafeArchive.open(sdist)) {
            archive.extractTo(directory);
        }
        List<Path> candidates;
        try (Stream<Path> children = Files.list(directory)) {
            candidates = Stream.concat(Stream.of(directory), children.filter(Files::isDirectory).sorted())
                    .filter(dir -> Files.isRegularFile(dir.resolve("pyproject.toml"))
                            || Files.isRegularFile(dir.resolve("setup.py")))
                    .toList();
        }
        if (candidates.isEmpty()) {
            throw new IOException("the sdist " + sdist.getFileName() + " has no pyproject.toml or setup.py");
        }
        return candidates.get(0);
    }

    /**
     * The importable top-level modules of a wheel: its {@code top_level.txt} when present, else the first
     * path segment of every module file in it.
     */
    static List<String> topLevelModules(Path wheel) {
        try (SafeArchive archive = SafeArchive.open(wheel)) {
            Optional<ArchiveEntry> topLevel = archive.entries().stream()
                    .filter(e -> e.isFile() && e.path().matches("[^/]+\\.dist-info/top_level\\.txt")).findFirst();
            TreeSet<String> modules = new TreeSet<>();
            if (topLevel.isPresent()) {
                new String(archive.read(topLevel.get().path()), StandardCharsets.UTF_8).lines()
                        .map(String::strip).forEach(modules::add);
            } else {
                for (ArchiveEntry entry : archive.entries()) {
                    moduleOf(entry.path()).ifPresent(modules::add);
                }
            }
            modules.removeIf(name -> !name.matches("[A-Za-z_][A-Za-z0-9_]*"));
            return List.copyOf(modules);
        }
    }

    private static Optional<String> moduleOf(String path) {
        String first = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
        if (first.endsWith(".dist-info") || first.endsWith(".data") || first.equals("__pycache__")) {
            return Optional.empty();
        }
        if (!path.contains("/")) {
            // foo.py or an extension module such as foo.cpython-311-x86_64-linux-gnu.so
            return path.endsWith(".py") || path.endsWith(".so") || path.endsWith(".pyd")
                    ? Optional.of(path.substring(0, path.indexOf('.'))) : Optional.empty();
        }
        return path.endsWith(".py") || path.endsWith(".so") ? Optional.of(first) : Optional.empty();
    }
}
