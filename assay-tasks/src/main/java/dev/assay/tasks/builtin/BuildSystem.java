package dev.assay.tasks.builtin;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.ArchiveEntry;
import dev.assay.packaging.archive.SafeArchive;

import org.tomlj.Toml;
import org.tomlj.TomlArray;
import org.tomlj.TomlParseResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The build requirements ({@code [build-system] requires}, PEP 518) of a project's sources — an sdist or a source
 * tree — read on the host without running anything of the project.
 */
public final class BuildSystem {

    /** What PEP 517 and 518 assume when {@code pyproject.toml} names no requirements: setuptools' legacy backend. */
    public static final List<String> DEFAULT_REQUIRES = List.of("setuptools>=40.8.0");

    private BuildSystem() {
    }

    /**
     * The build requirements of {@code source}: a directory holding the project (a commit's tree), or an sdist
     * whose {@code pyproject.toml} sits at its top or in its single top-level folder.
     *
     * @throws IOException if the archive is unsafe or corrupt, or {@code pyproject.toml} is not valid TOML or its
     *                     {@code requires} is not a list of strings
     */
    public static List<String> requires(Path source) throws IOException {
        Optional<String> pyproject;
        if (Files.isDirectory(source)) {
            Path file = source.resolve("pyproject.toml");
            pyproject = Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } else {
            pyproject = pyprojectOfSdist(source);
        }
        return pyproject.isPresent() ? parse(pyproject.get()) : DEFAULT_REQUIRES;
    }

    /** The {@code requires} of a {@code pyproject.toml}'s text; {@link #DEFAULT_REQUIRES} when it names none. */
    static List<String> parse(String pyproject) throws IOException {
        TomlParseResult toml = Toml.parse(pyproject);
        if (toml.hasErrors()) {
            throw new IOException("pyproject.toml is not valid TOML: " + toml.errors().get(0).toString());
        }
        Object requires = toml.get(List.of("build-system", "requires"));
        if (requires == null) {
            return DEFAULT_REQUIRES;
        }
        if (!(requires instanceof TomlArray array)) {
            throw new IOException("[build-system] requires in pyproject.toml is not a list");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : array.toList()) {
            if (!(item instanceof String text)) {
                throw new IOException("[build-system] requires in pyproject.toml holds a non-string: " + item);
            }
            texts.add(text.strip());
        }
        return List.copyOf(texts);
    }

    private static Optional<String> pyprojectOfSdist(Path sdist) throws IOException {
        try (SafeArchive archive = SafeArchive.open(sdist)) {
            Optional<ArchiveEntry> entry = archive.entries().stream()
                    .filter(ArchiveEntry::isFile)
                    .filter(e -> e.path().matches("([^/]+/)?pyproject\\.toml"))
                    .min(Comparator.comparingInt((ArchiveEntry e) -> e.path().length()));
            return entry.isEmpty() ? Optional.empty()
                    : Optional.of(new String(archive.read(entry.get().path()), StandardCharsets.UTF_8));
        } catch (PackagingException unsafe) {
            throw new IOException("the sdist " + sdist.getFileName() + " cannot be read: " + unsafe.getMessage(), unsafe);
        }
    }
}
