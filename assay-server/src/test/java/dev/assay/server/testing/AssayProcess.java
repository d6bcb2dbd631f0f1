package dev.assay.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./assay} launcher of this checkout as a separate process, the way a person does. */
public final class AssayProcess {

    private final Path root;
    private final Map<String, String> environment;
    private final List<String> launcher;

    public AssayProcess(Map<String, String> environment) {
        this(environment, List.of(repositoryRoot().resolve("assay").toString()));
    }

    private AssayProcess(Map<String, String> environment, List<String> launcher) {
        this.root = repositoryRoot();
        this.environment = environment;
        this.launcher = List.copyOf(launcher);
    }

    /**
     * Runs {@code assay} from this test's class path in a JVM of its own ({@code java -cp … AssayMain}), with no
     * build of the launcher's jar: a command that must not share the test JVM (its logging, its standard streams).
     */
    public static AssayProcess onTestClassPath(Map<String, String> environment) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new AssayProcess(environment, List.of(java, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), "dev.assay.server.AssayMain"));
    }

    /** The checkout whose launcher this runs. */
    public Path root() {
        return root;
    }

    /** The outcome of a command that ran to its end. */
    public record Outcome(int exitCode, String stdout, String stderr) {
    }

    /** A running {@code assay serve}. */
    public record Server(Process process, int port, Path log) implements AutoCloseable {

        /** The server's base URL. */
        public String url() {
            return "http://127.0.0.1:" + port + "/";
        }

        /** What the server printed so far. */
        public String output() {
            try {
                return Files.readString(log);
            } catch (IOException failure) {
                throw new UncheckedIOException(failure);
            }
        }

        /** Stops the server as Ctrl-C would and waits for it to end. */
        @Override
        public void close() {
            stop(process, 30);
        }
    }

    /** Stops a process as Ctrl-C would, waits up to {@code graceSeconds} for it to end, then kills it. */
    public static void stop(Process process, int graceSeconds) {
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs {@code ./assay ARGS} to its end, feeding {@code stdin}. */
    public Outcome run(String stdin, String... args) throws IOException, InterruptedException {
        Process process = builder(args).start();
        process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        byte[] err = process.getErrorStream().readAllBytes();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./assay " + String.join(" ", args) + " did not finish");
        }
        return new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    /** Starts {@code ./assay serve} (with more options, if given) on a free port and waits until its health check answers UP. */
    public Server serve(Path data, Path log, String... moreOptions) throws IOException, InterruptedException {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("serve", "--port", String.valueOf(port), "--data", data.toString()));
        args.addAll(List.of(moreOptions));
        ProcessBuilder builder = builder(args.toArray(String[]::new)).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Server server = new Server(builder.start(), port, log);
        awaitHealthy(server);
        return server;
    }

    /**
     * Starts {@code ./assay serve} like {@link #serve(Path, Path, String...)}, but with its standard output in
     * {@code stdout} alone (its standard error in {@code stderr}).
     */
    public Server serveApart(Path data, Path stdout, Path stderr, String... moreOptions)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("serve", "--port", String.valueOf(port), "--data", data.toString()));
        args.addAll(List.of(moreOptions));
        ProcessBuilder builder = builder(args.toArray(String[]::new)).redirectError(stderr.toFile())
                .redirectOutput(stdout.toFile());
        Server server = new Server(builder.start(), port, stdout);
        awaitHealthy(server);
        return server;
    }

    /** Adds the administrator {@code name} ({@code name@example.org}) with {@code ./assay user add}; fails if it fails. */
    public void addAdmin(String name, String password, Path data) throws IOException, InterruptedException {
        Outcome added = run(password + "\n", "user", "add", name, "--email", name + "@example.org", "--admin",
                "--password-stdin", "--data", data.toString());
        if (added.exitCode() != 0) {
            throw new AssertionError("./assay user add " + name + " failed:\n" + added.stderr());
        }
    }

    /** Starts {@code ./assay ARGS} without waiting for it, its output (both streams) going to {@code log}. */
    public Process start(Path log, String... args) throws IOException {
        return builder(args).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    private void awaitHealthy(Server server) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (!server.process().isAlive()) {
                throw new AssertionError("assay serve ended early:\n" + server.output());
            }
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(server.url() + "actuator/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYetListening) {
                // the server is still starting
            }
            Thread.sleep(200);
        }
        server.close();
        throw new AssertionError("assay serve did not become healthy:\n" + server.output());
    }

    private ProcessBuilder builder(String... args) {
        List<String> command = new ArrayList<>(launcher);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("ASSAY_"));
        builder.environment().putAll(environment);
        return builder;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isExecutable(dir.resolve("assay")) && Files.exists(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no ./assay launcher above " + Path.of("").toAbsolutePath());
    }
}
