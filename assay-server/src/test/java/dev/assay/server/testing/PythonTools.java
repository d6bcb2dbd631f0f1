package dev.assay.server.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs Debian's Python tools (python3 -m build, twine, venv + pip) the way a person would, with every
 * pip isolated from this machine's configuration so that only Assay can answer.
 */
public final class PythonTools {

    /** Debian's interpreter, which carries twine, build, setuptools and wheel. */
    public static final String SYSTEM_PYTHON = "/usr/bin/python3";

    private PythonTools() {
    }

    /** The outcome of a finished command. */
    public record Outcome(int exitCode, String output) {

        /** Fails with the command's output unless it succeeded. */
        public Outcome assertSucceeded() {
            if (exitCode != 0) {
                throw new AssertionError("command failed (" + exitCode + "):\n" + output);
            }
            return this;
        }
    }

    /** Runs a command in a directory with a clean environment plus {@code extraEnvironment}. */
    public static Outcome run(Path directory, Map<String, String> extraEnvironment, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("PIP_") || name.startsWith("TWINE_")
                || name.startsWith("PYTHON") || name.equals("VIRTUAL_ENV"));
        environment.put("PIP_CONFIG_FILE", "/dev/null");
        environment.put("PIP_DISABLE_PIP_VERSION_CHECK", "1");
        environment.put("PIP_NO_INPUT", "1");
        // rich (twine's output) wraps at the terminal width; one line per message keeps output searchable
        environment.put("COLUMNS", "400");
        environment.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        environment.putAll(extraEnvironment);
        return finish(builder, command);
    }

    /**
     * Runs a command with exactly {@code environment}, inheriting nothing: for clients (flit, poetry, pdm) that read
     * configuration from variables of their own and from the user's home, which the caller points elsewhere.
     */
    public static Outcome runWithOnly(Path directory, Map<String, String> environment, List<String> command) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        return finish(builder, command);
    }

    private static Outcome finish(ProcessBuilder builder, List<String> command) {
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("timed out: " + command);
            }
            return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new AssertionError("could not run " + command, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    /** {@code twine upload --verbose} of files to an Assay server with these credentials. */
    public static Outcome twineUpload(String serverUrl, String user, String password, Path... files) {
        List<String> command = new ArrayList<>(List.of(SYSTEM_PYTHON, "-m", "twine", "upload", "--verbose",
                "--disable-progress-bar", "--non-interactive", "--repository-url", serverUrl + "legacy/",
                "-u", user, "-p", password));
        for (Path file : files) {
            command.add(file.toString());
        }
        return run(files[0].getParent(), Map.of(), command);
    }

    /** A fresh virtual environment with pip; returns the path of its python. */
    public static Path newVirtualEnvironment(Path directory) {
        run(directory.getParent(), Map.of(), List.of(SYSTEM_PYTHON, "-m", "venv", directory.toString())).assertSucceeded();
        Path python = directory.resolve("bin/python");
        if (!Files.isExecutable(python)) {
            throw new AssertionError("no python in the new virtual environment " + directory);
        }
        return python;
    }

    /** {@code pip install} into a virtual environment from an Assay index only. */
    public static Outcome pipInstall(Path venvPython, String indexUrl, String... requirements) {
        List<String> command = new ArrayList<>(List.of(venvPython.toString(), "-m", "pip", "--isolated", "install",
                "--no-cache-dir", "--index-url", indexUrl));
        command.addAll(List.of(requirements));
        return run(venvPython.getParent(), Map.of(), command);
    }
}
