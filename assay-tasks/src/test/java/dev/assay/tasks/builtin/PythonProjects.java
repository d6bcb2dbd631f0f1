package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Writes tiny Python projects and builds their sdist and wheel on the host with {@code python3 -m build}. */
final class PythonProjects {

    private final Path root;

    PythonProjects(Path root) {
        this.root = root;
    }

    /** A project {@code name} with a pyproject declaring {@code dependencies} and the given files. */
    Path write(String name, String dependencies, Map<String, String> files) throws IOException {
        return write(name, dependencies, "", files);
    }

    /** The same, with {@code projectLines} added to the pyproject's {@code [project]} table. */
    Path write(String name, String dependencies, String projectLines, Map<String, String> files) throws IOException {
        Path project = Files.createDirectories(root.resolve("src-" + name));
        Files.writeString(project.resolve("pyproject.toml"), """
                [build-system]
                requires = ["setuptools"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "%s"
                version = "0.1"
                dependencies = [%s]
                %s
                """.formatted(name, dependencies, projectLines));
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = project.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
        }
        return project;
    }

    /** Builds the sdist and the wheel into {@code <root>/dist-<name>}, readable by the sandbox's user. */
    Path build(Path project) throws IOException, InterruptedException {
        Path dist = root.resolve("dist-" + project.getFileName());
        ProcessBuilder builder = new ProcessBuilder("/usr/bin/python3", "-m", "build", "--no-isolation",
                "--outdir", dist.toString(), project.toString()).redirectErrorStream(true);
        builder.environment().keySet().removeIf(key -> key.startsWith("PIP_"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        readableByAll(root);
        return dist;
    }

    /**
     * Packs {@code project} as the sdist {@code <name>-0.1.tar.gz} with tar, without running any of its code
     * (a hostile setup.py must run only in the sandbox).
     */
    Path sdist(Path project, String name) throws IOException, InterruptedException {
        Path dist = Files.createDirectories(root.resolve("dist-" + project.getFileName()));
        Files.writeString(project.resolve("PKG-INFO"), "Metadata-Version: 2.1\nName: " + name + "\nVersion: 0.1\n");
        Path sdist = dist.resolve(name + "-0.1.tar.gz");
        Process tar = new ProcessBuilder("tar", "czf", sdist.toString(), "-C", project.getParent().toString(),
                "--transform", "s,^" + project.getFileName() + "," + name + "-0.1,", project.getFileName().toString())
                .redirectErrorStream(true).start();
        String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(tar.exitValue()).as(output).isZero();
        readableByAll(root);
        return sdist;
    }

    static Path only(Path dist, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(dist)) {
            return files.filter(f -> f.toString().endsWith(suffix)).findFirst().orElseThrow();
        }
    }

    // The sandbox runs as nobody when the tests run as root; temp directories are the owner's only.
    static void readableByAll(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                        Files.isDirectory(path) ? "rwxr-xr-x" : "rw-r--r--"));
            }
        }
    }
}
