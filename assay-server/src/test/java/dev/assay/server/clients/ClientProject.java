package dev.assay.server.clients;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small but complete Python project as each backend's users write it: summary, Markdown README, author, licence,
 * keywords, classifiers, a project URL, one dependency and one extra ({@code fast}) with a dependency of its own.
 * Its module, named after the project, holds {@code VERSION}. A project without a dependency has no extra either.
 */
record ClientProject(String name, String version, String dependency, String extraDependency) {

    /** A project that depends on nothing. */
    static ClientProject standalone(String name, String version) {
        return new ClientProject(name, version, null, null);
    }

    /** The importable module the project installs. */
    String module() {
        return module(name);
    }

    /** The module name of a project name, as every backend derives it. */
    static String module(String project) {
        return project.toLowerCase().replaceAll("[-_.]+", "_");
    }

    /** Writes the project under {@code parent} for {@code backend} ({@code buildSystem} its table); returns its root. */
    Path write(Path parent, Backend backend, String buildSystem) {
        try {
            Path root = Files.createDirectories(parent.resolve(name + "-" + version + "-" + backend.name()));
            Path module = Files.createDirectories(root.resolve(module()));
            Files.writeString(module.resolve("__init__.py"), "\"\"\"The " + name + " package.\"\"\"\n\n"
                    + "VERSION = '" + version + "'\n");
            Files.writeString(root.resolve("README.md"), "# " + name + "\n\nBuilt by " + backend.label() + ".\n");
            Files.writeString(root.resolve("LICENSE"), "MIT License\n");
            Files.writeString(root.resolve("pyproject.toml"), buildSystem + "\n"
                    + (backend.poetryFormat() ? poetryTable() : projectTable()));
            return root;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The PEP 621 {@code [project]} table. */
    private String projectTable() {
        return """
                [project]
                name = "%s"
                version = "%s"
                description = "The %s package"
                readme = "README.md"
                requires-python = ">=3.7"
                license = {text = "MIT"}
                authors = [{name = "Ann Example", email = "ann@example.org"}]
                keywords = ["assay", "example"]
                classifiers = ["Programming Language :: Python :: 3", "License :: OSI Approved :: MIT License"]
                dependencies = [%s]

                [project.urls]
                Homepage = "https://example.org/%s"
                """.formatted(name, version, name, dependency == null ? "" : quoted(dependency), name)
                + (dependency == null ? "" : "\n[project.optional-dependencies]\nfast = [" + quoted(extraDependency)
                        + "]\n");
    }

    /** poetry's own {@code [tool.poetry]} tables, as poetry-core before 2.0 requires them. */
    private String poetryTable() {
        return """
                [tool.poetry]
                name = "%s"
                version = "%s"
                description = "The %s package"
                readme = "README.md"
                license = "MIT"
                authors = ["Ann Example <ann@example.org>"]
                keywords = ["assay", "example"]
                classifiers = ["Programming Language :: Python :: 3"]
                homepage = "https://example.org/%s"

                [tool.poetry.dependencies]
                python = ">=3.7"
                %s = ">=1.0"
                %s = {version = ">=1.0", optional = true}

                [tool.poetry.extras]
                fast = ["%s"]
                """.formatted(name, version, name, name, dependency, extraDependency, extraDependency);
    }

    private static String quoted(String project) {
        return "\"" + project + ">=1.0\"";
    }
}
