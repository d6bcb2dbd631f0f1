package dev.assay.tasks.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** An unsandboxed runner for tests: a plain process with merged output, killed with its children at timeout. */
final class ProcessCommandRunner implements CommandRunner {

    @Override
    public CommandResult run(CommandRequest request) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(request.command())
                .directory(request.directory().toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(request.environment());
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                lines.lines().forEach(request.output());
            } catch (IOException | UncheckedIOException e) {
                // The process was killed; its output ends here.
            }
        });
        reader.start();
        try {
            if (!process.waitFor(request.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return CommandResult.killedAfterTimeout();
            }
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        reader.join();
        return CommandResult.exited(process.exitValue());
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
