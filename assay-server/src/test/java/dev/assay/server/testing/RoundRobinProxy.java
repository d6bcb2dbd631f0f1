package dev.assay.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx as a tiny round-robin reverse proxy in front of several servers, on a free port of the loopback,
 * every file of its own in one directory. Each answer names the server that gave it in {@code X-Assay-Upstream}.
 */
public final class RoundRobinProxy implements AutoCloseable {

    /** The answer header naming the server behind the proxy that answered ({@code 127.0.0.1:PORT}). */
    public static final String UPSTREAM = "X-Assay-Upstream";

    private static final Path NGINX = Path.of("/usr/sbin/nginx");

    private final Process process;
    private final int port;
    private final Path directory;

    private RoundRobinProxy(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** Starts nginx in {@code directory} before the servers on these loopback ports; skips loudly without nginx. */
    public static RoundRobinProxy start(Path directory, List<Integer> serverPorts)
            throws IOException, InterruptedException {
        if (!Files.isExecutable(NGINX)) {
            String why = "the several-servers test needs Debian's nginx (apt-get install nginx); .ci/run installs it";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why);
            }
            System.err.println("\n*** SKIPPING: " + why + " ***\n");
            Assumptions.abort(why);
        }
        int port = freePort();
        Files.createDirectories(directory);
        Path config = directory.resolve("nginx.conf");
        Files.writeString(config, configuration(directory, port, serverPorts));
        Process process = new ProcessBuilder(NGINX.toString(), "-p", directory.toString(), "-c", config.toString(),
                "-e", directory.resolve("error.log").toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("nginx.out").toFile()).start();
        RoundRobinProxy proxy = new RoundRobinProxy(process, port, directory);
        proxy.awaitListening();
        return proxy;
    }

    /** The servers by the name {@link #UPSTREAM} gives them in the answers they send through the proxy. */
    public static Map<String, AssayProcess.Server> byUpstream(AssayProcess.Server... servers) {
        Map<String, AssayProcess.Server> named = new LinkedHashMap<>();
        for (AssayProcess.Server server : servers) {
            named.put("127.0.0.1:" + server.port(), server);
        }
        return named;
    }

    /** The proxy's base URL. */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** The proxy's port. */
    public int port() {
        return port;
    }

    /** What nginx logged of its errors. */
    public String errors() {
        try {
            Path log = directory.resolve("error.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    @Override
    public void close() {
        AssayProcess.stop(process, 10);
    }

    // one process (no master, no daemon): it runs as the test's user and writes only below its directory
    private static String configuration(Path directory, int port, List<Integer> serverPorts) {
        String servers = serverPorts.stream().map(server -> "    server 127.0.0.1:" + server + ";")
                .collect(Collectors.joining("\n"));
        String dir = directory.toString();
        return """
                daemon off;
                master_process off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log warn;
                events { worker_connections 256; }
                http {
                  access_log %1$s/access.log;
                  client_body_temp_path %1$s/client-body;
                  proxy_temp_path %1$s/proxy;
                  fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi;
                  scgi_temp_path %1$s/scgi;
                  client_max_body_size 0;
                  upstream assay {
                %2$s
                  }
                  server {
                    listen 127.0.0.1:%3$d;
                    location / {
                      proxy_pass http://assay;
                      proxy_http_version 1.1;
                      proxy_set_header Connection "";
                      proxy_set_header Host $http_host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_request_buffering off;
                      add_header %4$s $upstream_addr always;
                    }
                  }
                }
                """.formatted(dir, servers, port, UPSTREAM);
    }

    private void awaitListening() throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx ended early:\n" + errors());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        close();
        throw new AssertionError("nginx did not listen on " + port + ":\n" + errors());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
