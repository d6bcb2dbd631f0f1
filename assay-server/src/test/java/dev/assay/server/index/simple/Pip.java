package dev.assay.server.index.simple;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.assay.server.testing.PythonTools;

/**
 * The real pip in a virtual environment of its own, isolated from this machine's pip configuration (via
 * {@link PythonTools#run}). The environment is made by the first {@code python3} on the PATH, which may
 * bundle a newer pip than Debian's: pip 23.2 is the first that reads metadata hashes from JSON pages.
 */
record Pip(Path python) {

    static Pip inNewVirtualEnvironment(Path directory) {
        PythonTools.run(directory.getParent(), Map.of(), List.of(interpreter(), "-m", "venv", directory.toString()))
                .assertSucceeded();
        return new Pip(directory.resolve("bin/python"));
    }

    /** {@code pip install} from the index into {@code target} only, so runs never see each other's packages. */
    PythonTools.Outcome install(String indexUrl, Path target, String... requirements) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "pip", "--isolated", "install",
                "--no-cache-dir", "--index-url", indexUrl, "--target", target.toString()));
        command.addAll(List.of(requirements));
        return PythonTools.run(target, Map.of(), command);
    }

    /** pip's own description of itself, e.g. {@code pip 23.2.1 from … (python 3.11)}. */
    String version() {
        return PythonTools.run(python.getParent(), Map.of(), List.of(python.toString(), "-m", "pip", "--version"))
                .assertSucceeded().output().strip();
    }

    /** Whether this pip reads PEP 658 metadata hashes from JSON pages: the {@code core-metadata} key, pip 23.2+. */
    boolean readsCoreMetadataFromJson() {
        Matcher version = Pattern.compile("^pip (\\d+)\\.(\\d+)").matcher(version());
        if (!version.find()) {
            throw new AssertionError("cannot tell pip's version from '" + version() + "'");
        }
        int major = Integer.parseInt(version.group(1));
        return major > 23 || major == 23 && Integer.parseInt(version.group(2)) >= 2;
    }

    /** The versions installed in a target directory, by the names of their {@code .dist-info} directories. */
    static List<String> installed(Path target) {
        try (Stream<Path> entries = Files.list(target)) {
            return entries.map(entry -> entry.getFileName().toString()).filter(name -> name.endsWith(".dist-info"))
                    .map(name -> name.substring(0, name.length() - ".dist-info".length())).sorted().toList();
        } catch (IOException failure) {
            throw new AssertionError("cannot list " + target, failure);
        }
    }

    private static String interpreter() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(directory.isEmpty() ? "." : directory, "python3");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return PythonTools.SYSTEM_PYTHON;
    }
}
