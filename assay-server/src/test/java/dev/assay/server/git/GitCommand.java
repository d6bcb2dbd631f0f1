package dev.assay.server.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code git} command line, isolated from this machine: its own HOME, no system configuration,
 * never a prompt, an identity given with {@code -c}.
 */
public record GitCommand(Path home) {

    /** What a git command printed and how it ended. */
    public record Outcome(int exitCode, String output) {

        public Outcome succeeded() {
            assertThat(exitCode).as(output).isZero();
            return this;
        }

        public Outcome failed() {
            assertThat(exitCode).as(output).isNotZero();
            return this;
        }
    }

    /** Runs git in the directory; the output holds standard output and error together. */
    public Outcome run(Path directory, String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test Packager",
                "-c", "user.email=packager@example.org", "-c", "init.defaultBranch=main",
                "-c", "credential.helper=", "-c", "advice.detachedHead=false"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("GIT_") || name.endsWith("ASKPASS"));
        environment.put("HOME", home.toString());
        environment.put("XDG_CONFIG_HOME", home.resolve(".config").toString());
        environment.put("GIT_CONFIG_NOSYSTEM", "1");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        environment.put("LC_ALL", "C");
        try {
            Process process = builder.start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("git " + arguments[0] + " did not finish");
            }
            return new Outcome(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } catch (IOException failure) {
            throw new AssertionError("cannot run git", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    /** Writes a file in a work tree and commits it; returns the new commit id. */
    public String commit(Path workTree, String file, String content, String message) {
        try {
            Path path = workTree.resolve(file);
            Files.createDirectories(path.getParent());
            Files.writeString(path, content);
        } catch (IOException failure) {
            throw new AssertionError(failure);
        }
        run(workTree, "add", file).succeeded();
        run(workTree, "commit", "-q", "-m", message).succeeded();
        return head(workTree, "HEAD");
    }

    /** The commit id a revision names in the work tree. */
    public String head(Path workTree, String revision) {
        return run(workTree, "rev-parse", revision).succeeded().output().strip();
    }
}
