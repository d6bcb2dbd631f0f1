package dev.assay.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import dev.assay.server.pipeline.workers.SandboxCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code assay sandbox check}: whether this machine can run pipeline jobs, and if not, why. */
@Command(name = "sandbox", description = "Check this machine's pipeline sandbox.", mixinStandardHelpOptions = true,
        subcommands = SandboxCommand.Check.class)
final class SandboxCommand {

    /** Prints what the probe and a trial run found; exit 0 when pipelines would run here, 1 otherwise. */
    @Command(name = "check", description = "Probe the sandbox and run Python in it once; exit 1 when not ready.")
    static final class Check implements Callable<Integer> {

        @Option(names = "--work", paramLabel = "DIR",
                description = "Where job workspaces live (default: DATA/pipeline-work of --data, as the server's).")
        Path work;

        @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:ASSAY_DATA:-assay-data}",
                description = "The server's data directory (env ASSAY_DATA, default ${DEFAULT-VALUE}).")
        Path data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws IOException, InterruptedException {
            SandboxCheck.Result result = SandboxCheck.check(work != null ? work : data.resolve("pipeline-work"));
            result.lines().forEach(spec.commandLine().getOut()::println);
            return result.ready() ? 0 : 1;
        }
    }
}
