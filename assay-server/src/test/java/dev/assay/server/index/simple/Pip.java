package dev.assay.server.index.simple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The real pip, in a virtual environment of its own, isolated from this machine's pip configuration:
 * {@code --isolated}, {@code PIP_CONFIG_FILE=/dev/null} and no inherited {@code PIP_*} variable.
 */
record Pip(Path python) {

    /** What one pip run did. */
    record Run(int exitCode, String output) {
    }

    /** A virtual environment made by the {@code python3} on the PATH, with the pip it bundles. */
    static Pip inNewVirtualEnvironment(Path directory) {
        Run created = run(List.of("python3", "-m", "venv", directory.toString()));
        if (created.exitCode() != 0) {
            throw new AssertionError("python3 -m venv failed: " + created.output());
        }
        return new Pip(directory.resolve("bin/python"));
    }

    /** pip's own description of itself, e.g. {@code pip 23.2.1 from … (python 3.11)}. */
    String version() {
        return run(List.of(python.toString(), "-m", "pip", "--version")).output().strip();
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

    /** {@code pip install} from the index into {@code target} only, so runs never see each other's packages. */
    Run install(String indexUrl, Path target, String... requirements) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-m", "pip", "install", "--isolated",
                "--no-cache-dir", "--disable-pip-version-check", "--no-input", "--index-url", indexUrl,
                "--target", target.toString()));
        command.addAll(List.of(requirements));
        return run(command);
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

    private static Run run(List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PIP_"));
        environment.put("PIP_CONFIG_FILE", "/dev/null");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(3, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command + "\n" + output);
            }
            return new Run(process.exitValue(), output);
        } catch (IOException failure) {
            throw new AssertionError("cannot run " + command, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }
}
