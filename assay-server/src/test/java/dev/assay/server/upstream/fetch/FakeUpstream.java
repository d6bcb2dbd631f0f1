package dev.assay.server.upstream.fetch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An upstream index for fault injection: a JDK HTTP server whose answer for each project page the test sets, and
 * which counts the requests it gets and keeps their headers.
 */
final class FakeUpstream implements AutoCloseable {

    /** What the upstream answers: status, headers and body. */
    record Answer(int status, Map<String, String> headers, String body) {

        static Answer json(String body) {
            return new Answer(200, Map.of("Content-Type", "application/vnd.pypi.simple.v1+json"), body);
        }

        static Answer html(String body) {
            return new Answer(200, Map.of("Content-Type", "text/html"), body);
        }

        static Answer status(int status) {
            return new Answer(status, Map.of("Content-Type", "text/plain"), "status " + status);
        }
    }

    private final HttpServer server;
    private final Map<String, Function<Headers, Answer>> pages = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();
    private final List<Headers> received = new CopyOnWriteArrayList<>();
    private final Set<String> stalled = ConcurrentHashMap.newKeySet();

    FakeUpstream() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException unavailable) {
            throw new UncheckedIOException(unavailable);
        }
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            String name = exchange.getRequestURI().getPath().replaceFirst("^/simple/", "").replaceFirst("/$", "");
            requests.computeIfAbsent(name, key -> new AtomicInteger()).incrementAndGet();
            received.add(exchange.getRequestHeaders());
            if (stalled.contains(name)) {
                stallMidPage(exchange);
                return;
            }
            Answer answer = pages.getOrDefault(name, headers -> Answer.status(404)).apply(exchange.getRequestHeaders());
            answer.headers().forEach(exchange.getResponseHeaders()::add);
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The Simple API root, {@code http://127.0.0.1:PORT/simple/}. */
    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/simple/";
    }

    void answer(String name, Answer answer) {
        pages.put(name, headers -> answer);
    }

    void answer(String name, Function<Headers, Answer> answer) {
        pages.put(name, answer);
    }

    /** Makes the page of {@code name} start (headers and a few bytes) and then stall for seconds. */
    void stall(String name) {
        stalled.add(name);
    }

    private static void stallMidPage(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/html");
        exchange.sendResponseHeaders(200, 0);
        exchange.getResponseBody().write("<html><body><a href=\"x-1.0.tar.gz\">x-1.0.tar.gz</a>".getBytes(
                StandardCharsets.UTF_8));
        exchange.getResponseBody().flush();
        try {
            Thread.sleep(3_000);
        } catch (InterruptedException stopped) {
            Thread.currentThread().interrupt();
        }
        exchange.close();
    }

    int requests(String name) {
        return requests.getOrDefault(name, new AtomicInteger()).get();
    }

    /** The headers of the last request. */
    Headers lastHeaders() {
        return received.get(received.size() - 1);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
