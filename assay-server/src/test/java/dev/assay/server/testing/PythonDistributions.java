package dev.assay.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes a small Python project and builds its wheel and sdist with Debian's {@code python3 -m build}. */
public final class PythonDistributions {

    private PythonDistributions() {
    }

    /** The two files a build produces. */
    public record Built(Path wheel, Path sdist) {
    }

    /** What the project declares; {@code module} is the importable package the wheel installs. */
    public record Spec(String name, String version, String summary, String description, String contentType,
            String requiresPython, List<String> dependencies, Map<String, String> files) {

        /** A minimal project: no dependencies, a Markdown description. */
        public static Spec of(String name, String version) {
            return new Spec(name, version, "The " + name + " package", "# " + name + "\n\nA test package.\n",
                    "text/markdown", ">=3.7", List.of(), Map.of());
        }

        public Spec withDependencies(String... requirements) {
            return new Spec(name, version, summary, description, contentType, requiresPython, List.of(requirements),
                    files);
        }

        public Spec withDescription(String text, String type) {
            return new Spec(name, version, summary, text, type, requiresPython, dependencies, files);
        }

        public Spec withSummary(String text) {
            return new Spec(name, version, text, description, contentType, requiresPython, dependencies, files);
        }

        /**
         * More files of the project (path relative to its root → content), e.g. the module's own
         * {@code NAME/__init__.py} or tests under {@code tests/}, which the sdist then carries.
         */
        public Spec withFiles(Map<String, String> more) {
            return new Spec(name, version, summary, description, contentType, requiresPython, dependencies, more);
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
            for (Map.Entry<String, String> file : spec.files().entrySet()) {
                Path written = project.resolve(file.getKey());
                Files.createDirectories(written.getParent());
                Files.writeString(written, file.getValue());
            }
            if (Files.isDirectory(project.resolve("tests"))) {
                Files.writeString(project.resolve("MANIFEST.in"), "graft tests\n");
            }
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

    /**
     * The hand-written sdist of {@code project} 1.0, requiring {@code library>=1}, whose {@code tests/test_it.py} is
     * {@code test}: its PKG-INFO lists the requirement, as the index's dependency graph reads it from the release's
     * first file.
     */
    public static Path dependentSdist(Path work, String project, String library, String test) {
        String module = project.replace('-', '_');
        return PythonDistributions.handWrittenSdist(work, project, "1.0", Map.of(
                "PKG-INFO", "Metadata-Version: 2.1\nName: " + project + "\nVersion: 1.0\nSummary: Uses " + library
                        + "\nRequires-Dist: " + library + ">=1\n",
                "pyproject.toml", """
                        [build-system]
                        requires = ["setuptools>=61"]
                        build-backend = "setuptools.build_meta"

                        [project]
                        name = "%s"
                        version = "1.0"
                        dependencies = ["%s>=1"]

                        [tool.setuptools]
                        packages = ["%s"]
                        """.formatted(project, library, module),
                module + "/__init__.py", "VALUE = 1\n",
                "tests/test_it.py", test));
    }

    /**
     * Writes an sdist by hand: {@code NAME-VERSION/PKG-INFO} (Metadata-Version 2.1, name, version, summary) and
     * the given files under the same root. Nothing runs on this machine, so its {@code setup.py} may be hostile.
     */
    public static Path handWrittenSdist(Path directory, String name, String version, Map<String, String> files) {
        String root = name.toLowerCase().replaceAll("[-_.]+", "_") + "-" + version;
        Path sdist = directory.resolve(root + ".tar.gz");
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("PKG-INFO", "Metadata-Version: 2.1\nName: " + name + "\nVersion: " + version
                + "\nSummary: The " + name + " package\n");
        entries.putAll(files);
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(
                new GZIPOutputStream(Files.newOutputStream(sdist)))) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry header = new TarArchiveEntry(root + "/" + entry.getKey());
                header.setSize(content.length);
                out.putArchiveEntry(header);
                out.write(content);
                out.closeArchiveEntry();
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
        return sdist;
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
