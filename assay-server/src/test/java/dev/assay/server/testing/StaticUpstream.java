package dev.assay.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.springframework.web.util.HtmlUtils;

import dev.assay.packaging.filename.WheelFileName;

/**
 * An upstream index as a static PEP 503 tree ({@code simple/<project>/index.html} linking to {@code files/} with
 * {@code #sha256=} fragments) built in a folder from real wheels of this machine's {@link PipMirror}, served by
 * {@code python3 -m http.server} on a free port of 127.0.0.1, which the test can stop and start again on the same
 * port (an upstream going down and coming back).
 */
public final class StaticUpstream implements AutoCloseable {

    private static final Duration START = Duration.ofSeconds(30);

    private final Path root;
    private final Map<String, List<Path>> projects;
    private final int port;
    private Process server;

    private StaticUpstream(Path root, Map<String, List<Path>> projects, int port) {
        this.root = root;
        this.projects = projects;
        this.port = port;
    }

    /**
     * Builds the tree in {@code directory} with every wheel the local mirror has of each named project, and starts
     * serving it. Fails naming the project when the mirror has no wheel of it.
     */
    public static StaticUpstream serve(Path directory, Collection<String> projectNames) {
        Map<String, List<Path>> byProject = new TreeMap<>();
        PipMirror mirror = PipMirror.configured();
        for (Path wheel : mirror.wheelsSmallerThan(Long.MAX_VALUE)) {
            String project = WheelFileName.parse(wheel.getFileName().toString()).name().normalized();
            byProject.computeIfAbsent(project, key -> new ArrayList<>()).add(wheel);
        }
        Map<String, List<Path>> chosen = new TreeMap<>();
        for (String name : projectNames) {
            String project = dev.assay.packaging.name.ProjectName.normalize(name);
            List<Path> wheels = byProject.get(project);
            if (wheels == null) {
                throw new IllegalStateException("the " + mirror + " has no wheel of " + project);
            }
            chosen.put(project, wheels);
        }
        StaticUpstream upstream = new StaticUpstream(directory, chosen, freePort());
        upstream.write();
        upstream.start();
        return upstream;
    }

    /** The Simple API root, {@code http://127.0.0.1:PORT/simple/}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/simple/";
    }

    public int port() {
        return port;
    }

    /** The wheels served for a project (normalized name), as kept in the tree. */
    public List<Path> files(String project) {
        return projects.get(project).stream().map(wheel -> root.resolve("files").resolve(wheel.getFileName()))
                .toList();
    }

    /** Starts serving (again) on the same port; returns once the port answers. */
    public synchronized void start() {
        if (server != null && server.isAlive()) {
            return;
        }
        try {
            server = new ProcessBuilder(PythonTools.SYSTEM_PYTHON, "-m", "http.server", "--bind", "127.0.0.1",
                    "--directory", root.toString(), Integer.toString(port))
                    .redirectErrorStream(true).redirectOutput(root.resolve("http-server.log").toFile()).start();
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
        Eventually.until("python3 -m http.server listening on " + port, START, this::listening, Boolean::booleanValue);
    }

    /** Stops serving: connections to the port are refused until {@link #start()}. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        server.destroy();
        try {
            if (!server.waitFor(10, TimeUnit.SECONDS)) {
                server.destroyForcibly().waitFor();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        server = null;
    }

    /** Stops and starts again on the same port. */
    public void restart() {
        stop();
        start();
    }

    @Override
    public void close() {
        stop();
    }

    private void write() {
        try {
            Path files = Files.createDirectories(root.resolve("files"));
            StringBuilder index = new StringBuilder("<!DOCTYPE html><html><body>\n");
            for (Map.Entry<String, List<Path>> project : projects.entrySet()) {
                StringBuilder page = new StringBuilder("<!DOCTYPE html><html><body>\n");
                for (Path wheel : project.getValue()) {
                    Path kept = Files.copy(wheel, files.resolve(wheel.getFileName()));
                    String name = HtmlUtils.htmlEscape(kept.getFileName().toString());
                    page.append("<a href=\"../../files/").append(name).append("#sha256=").append(sha256(kept))
                            .append("\">").append(name).append("</a>\n");
                }
                Path dir = Files.createDirectories(root.resolve("simple").resolve(project.getKey()));
                Files.writeString(dir.resolve("index.html"), page.append("</body></html>\n"), StandardCharsets.UTF_8);
                index.append("<a href=\"").append(project.getKey()).append("/\">").append(project.getKey())
                        .append("</a>\n");
            }
            Files.writeString(root.resolve("simple").resolve("index.html"), index.append("</body></html>\n"),
                    StandardCharsets.UTF_8);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }

    private boolean listening() {
        if (server != null && !server.isAlive()) {
            throw new IllegalStateException("python3 -m http.server stopped: see " + root.resolve("http-server.log"));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
