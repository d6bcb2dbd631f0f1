package dev.assay.server.git.browse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The real {@code git} client, isolated from this machine's configuration, run in one directory. */
final class GitCommandLine {

    private final Path home;

    GitCommandLine(Path home) {
        this.home = home;
    }

    /** Creates the bare repository {@code bare} and pushes every branch and tag of {@code work} to it. */
    void publish(Path work, Path bare) throws IOException {
        Files.createDirectories(bare);
        run(bare, "init", "--bare", "--initial-branch=main");
        run(work, "remote", "add", "origin", bare.toString());
        run(work, "push", "origin", "--all");
        run(work, "push", "origin", "--tags");
    }

    /** Runs git with these arguments in {@code directory} and returns its standard output, or fails the test. */
    String run(Path directory, String... arguments) {
        return run(Map.of(), directory, arguments);
    }

    /** The same, with {@code extra} variables (such as {@code GIT_COMMITTER_DATE}) in git's environment. */
    String run(Map<String, String> extra, Path directory, String... arguments) {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("GIT_"));
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_AUTHOR_NAME", "Alice O'Tester & Co");
        environment.put("GIT_AUTHOR_EMAIL", "alice@example.org");
        environment.put("GIT_COMMITTER_NAME", "Alice O'Tester & Co");
        environment.put("GIT_COMMITTER_EMAIL", "alice@example.org");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.putAll(extra);
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new AssertionError("git " + String.join(" ", arguments) + " failed:\n" + output);
            }
            return output;
        } catch (IOException failure) {
            throw new AssertionError("cannot run git", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }
}
