package dev.assay.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Writes a small Python project and builds its wheel and sdist with Debian's {@code python3 -m build}. */
public final class PythonDistributions {

    private PythonDistributions() {
    }

    /** The two files a build produces. */
    public record Built(Path wheel, Path sdist) {
    }

    /** What the project declares; {@code module} is the importable package the wheel installs. */
    public record Spec(String name, String version, String summary, String description, String contentType,
            String requiresPython, List<String> dependencies) {

        /** A minimal project: no dependencies, a Markdown description. */
        public static Spec of(String name, String version) {
            return new Spec(name, version, "The " + name + " package", "# " + name + "\n\nA test package.\n",
                    "text/markdown", ">=3.7", List.of());
        }

        public Spec withDependencies(String... requirements) {
            return new Spec(name, version, summary, description, contentType, requiresPython, List.of(requirements));
        }

        public Spec withDescription(String text, String type) {
            return new Spec(name, version, summary, text, type, requiresPython, dependencies);
        }

        public Spec withSummary(String text) {
            return new Spec(name, version, text, description, contentType, requiresPython, dependencies);
        }

        /** The importable module name. */
        public String module() {
            return name.toLowerCase().replaceAll("[-.]+", "_");
        }
    }

    /** Builds the project described by {@code spec} under {@code workDirectory}. */
    public static Built build(Path workDirectory, Spec spec) {
        try {
            Path project = Files.createDirectories(workDirectory.resolve(spec.name() + "-" + spec.version() + "-src"));
            Files.writeString(project.resolve("pyproject.toml"), pyproject(spec));
            Files.writeString(project.resolve("README.md"), spec.description());
            Path module = Files.createDirectories(project.resolve(spec.module()));
            Files.writeString(module.resolve("__init__.py"), "VERSION = '" + spec.version() + "'\n");
            PythonTools.run(project, Map.of(), List.of(PythonTools.SYSTEM_PYTHON, "-m", "build", "--no-isolation",
                    "--outdir", "dist", ".")).assertSucceeded();
            try (Stream<Path> built = Files.list(project.resolve("dist"))) {
                List<Path> files = built.toList();
                return new Built(only(files, ".whl"), only(files, ".tar.gz"));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Path only(List<Path> files, String suffix) {
        return files.stream().filter(file -> file.toString().endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + suffix + " among " + files));
    }

    private static String pyproject(Spec spec) {
        String dependencies = spec.dependencies().stream().map(requirement -> "\"" + requirement + "\"")
                .collect(Collectors.joining(", "));
        return """
                [build-system]
                requires = ["setuptools>=61", "wheel"]
                build-backend = "setuptools.build_meta"

                [project]
                name = "%s"
                version = "%s"
                description = "%s"
                readme = {file = "README.md", content-type = "%s"}
                requires-python = "%s"
                dependencies = [%s]
                """.formatted(spec.name(), spec.version(), spec.summary().replace("\"", "\\\""), spec.contentType(),
                spec.requiresPython(), dependencies);
    }
}
