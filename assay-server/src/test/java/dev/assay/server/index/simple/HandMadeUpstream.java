package dev.assay.server.index.simple;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A PEP 503 upstream written by hand on the JDK's HTTP server, for what a real index would not do: list a file
 * with one hash and send other bytes, or hold a download until the test lets it go. Counts requests per path.
 */
final class HandMadeUpstream implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, String> pages = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final Map<String, Boolean> stalling = new ConcurrentHashMap<>();
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private final CountDownLatch held = new CountDownLatch(1);

    private HandMadeUpstream(HttpServer server) {
        this.server = server;
    }

    static HandMadeUpstream start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            HandMadeUpstream upstream = new HandMadeUpstream(server);
            server.createContext("/", upstream::answer);
            server.setExecutor(Executors.newCachedThreadPool());
            server.start();
            return upstream;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The Simple API root, ending in a slash. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/simple/";
    }

    /** Lists {@code filename} on the project's page with {@code listedSha256}, and serves {@code bytes} for it. */
    void list(String project, String filename, String listedSha256, byte[] bytes) {
        pages.put("/simple/" + project + "/", "<!DOCTYPE html><html><body><a href=\"../../files/" + filename
                + "#sha256=" + listedSha256 + "\">" + filename + "</a></body></html>");
        files.put("/files/" + filename, bytes);
    }

    /** Lists {@code filename} on a PEP 691 JSON page with its hash and upstream upload time, and serves it. */
    void listUploaded(String project, String filename, String sha256, byte[] bytes, Instant uploadTime) {
        pages.put("/simple/" + project + "/", """
                {"meta": {"api-version": "1.1"}, "name": "%s", "files": [{"filename": "%s",
                 "url": "../../files/%s", "hashes": {"sha256": "%s"}, "upload-time": "%s"}]}"""
                .formatted(project, filename, filename, sha256, uploadTime));
        files.put("/files/" + filename, bytes);
    }

    /** Lists the file with its true hash but sends only half of it, then nothing until {@link #close()}. */
    void listStalling(String project, String filename, String sha256, byte[] bytes) {
        list(project, filename, sha256, bytes);
        stalling.put("/files/" + filename, true);
    }

    /** From now on, file downloads wait until {@link #release()}. */
    void holdDownloads() {
        hold = new CountDownLatch(1);
    }

    /** Waits until a download is being held. */
    void awaitHeldDownload() throws InterruptedException {
        if (!held.await(60, TimeUnit.SECONDS)) {
            throw new AssertionError("no download reached the upstream");
        }
    }

    void release() {
        hold.countDown();
    }

    int requests(String path) {
        return requests.getOrDefault(path, new AtomicInteger()).get();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        requests.computeIfAbsent(path, key -> new AtomicInteger()).incrementAndGet();
        byte[] body = files.get(path);
        if (body != null) {
            held.countDown();
            awaitRelease();
        } else if (pages.containsKey(path)) {
            body = pages.get(path).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", pages.get(path).startsWith("{")
                    ? "application/vnd.pypi.simple.v1+json" : "text/html; charset=utf-8");
        }
        try (OutputStream out = exchange.getResponseBody()) {
            if (body == null) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            exchange.sendResponseHeaders(200, body.length);
            if (stalling.containsKey(path)) {
                out.write(body, 0, body.length / 2);
                out.flush();
                holdDownloads();
                awaitRelease();
                return;
            }
            out.write(body);
        }
    }

    private void awaitRelease() {
        try {
            if (!hold.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the download");
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
