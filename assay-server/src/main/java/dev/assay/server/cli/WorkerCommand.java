package dev.assay.server.cli;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import dev.assay.server.pipeline.workers.RemoteWorker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code assay worker}: runs pipeline jobs for a remote Assay server in this machine's sandbox; starts neither
 * the web server nor a database. On SIGTERM it stops claiming and gives running jobs the grace period to finish.
 */
@Command(name = "worker", description = "Run pipeline jobs for an Assay server (needs a token with the worker scope).")
final class WorkerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerCommand.class);

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:ASSAY_WORKER_SERVER}",
            description = "The Assay server's URL (env ASSAY_WORKER_SERVER).")
    String server;

    @Option(names = "--token", paramLabel = "TOKEN", defaultValue = "${env:ASSAY_WORKER_TOKEN}",
            description = "An API token with the worker scope (env ASSAY_WORKER_TOKEN; on the command line it "
                    + "shows in ps: prefer the variable or --token-file).")
    String token;

    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the token.")
    Path tokenFile;

    @Option(names = "--name", paramLabel = "NAME", description = "This worker's name in the logs (default: host name).")
    String name;

    @Option(names = "--workers", paramLabel = "N", defaultValue = "1", description = "Jobs run at once (default 1).")
    int workers;

    @Option(names = "--work", paramLabel = "DIR", defaultValue = "${env:ASSAY_WORKER_WORK:-./assay-worker-work}",
            description = "Where job workspaces live (env ASSAY_WORKER_WORK, default ${DEFAULT-VALUE}).")
    Path work;

    @Option(names = "--python", paramLabel = "PATH", description = "An interpreter to offer besides /usr/bin/python3 "
            + "and python3 on the PATH (repeatable); one per version series, the first found wins.")
    List<Path> pythons = new ArrayList<>();
    @Option(names = "--plugins", paramLabel = "DIR", defaultValue = "${env:ASSAY_WORKER_PLUGINS}",
            description = "A folder of plugin jars whose tasks this worker also runs once the server enables them "
                    + "(env ASSAY_WORKER_PLUGINS).")
    Path plugins;

    @Option(names = "--grace", paramLabel = "SECONDS", defaultValue = "60",
            description = "On SIGTERM, how long running jobs may take to finish before they are abandoned.")
    int grace;

    @Option(names = "--heartbeat", paramLabel = "SECONDS", defaultValue = "30",
            description = "How often a running job's lease is renewed (default 30; well below the server's lease).")
    int heartbeat;

    @Mixin
    LogOptions log;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        log.applyWithoutSpring();
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.INFO);
        if (heartbeat < 1) {
            throw new ParameterException(spec.commandLine(), "--heartbeat must be at least 1 second, was " + heartbeat);
        }
        RemoteWorker worker = RemoteWorker.start(RemoteWorker.Settings.of(serverUri(), token(), name(), workers, work)
                .withPythons(pythons).withHeartbeat(Duration.ofSeconds(heartbeat)), plugins);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping: no more claims; running jobs have {} s to finish", grace);
            try {
                if (!worker.stop(Duration.ofSeconds(grace))) {
                    LOG.warn("running jobs abandoned: their leases run out and the server hands them out again");
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }, "assay-worker-stop"));
        try {
            spec.commandLine().getErr().println("assay worker: " + worker.refused().get());
        } catch (ExecutionException impossible) {
            throw new IllegalStateException(impossible);
        }
        return 1;
    }

    private URI serverUri() {
        if (server == null || server.isBlank()) {
            throw new ParameterException(spec.commandLine(), "--server URL (or ASSAY_WORKER_SERVER) is required");
        }
        try {
            return new URI(server);
        } catch (URISyntaxException invalid) {
            throw new ParameterException(spec.commandLine(), "--server: not a URL: " + server);
        }
    }

    private String token() throws IOException {
        String secret = tokenFile != null ? Files.readString(tokenFile).strip() : token;
        if (secret == null || secret.isBlank()) {
            throw new ParameterException(spec.commandLine(),
                    "a token is required: ASSAY_WORKER_TOKEN, --token-file FILE or --token TOKEN");
        }
        return secret;
    }

    private String name() {
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException unknown) {
            return "worker";
        }
    }
}
