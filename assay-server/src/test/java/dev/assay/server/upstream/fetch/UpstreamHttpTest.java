package dev.assay.server.upstream.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.assay.server.error.BadGatewayException;
import dev.assay.server.upstream.config.Upstream;

class UpstreamHttpTest {

    private final List<HttpServer> servers = new CopyOnWriteArrayList<>();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final UpstreamHttp http = new UpstreamHttp(
            new FetchSettings(Duration.ofMinutes(10), Duration.ofSeconds(5), Duration.ofMillis(500),
                    DataSize.ofMegabytes(20)));

    @AfterEach
    void stopServers() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void sendsCredentialsToTheUpstreamsHostAndFollowsRedirectsThere() throws IOException {
        HttpServer server = start("127.0.0.1");
        int port = server.getAddress().getPort();
        server.createContext("/old/", exchange -> answer(exchange, 301, Map.of("Location", "/simple/flask/"), ""));
        server.createContext("/simple/", exchange -> answer(exchange, 200, Map.of(), "page"));

        HttpResponse<InputStream> response = http.get(upstream("http://127.0.0.1:" + port + "/simple/", "alice"),
                URI.create("http://127.0.0.1:" + port + "/old/flask/"), Map.of("Accept", "text/html"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(new String(response.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("page");
        assertThat(authorizations).hasSize(2).allMatch(value -> value.startsWith("Basic "));
    }

    @Test
    void neverSendsCredentialsAfterARedirectToAnotherHost() throws IOException {
        HttpServer files = start("0.0.0.0");
        files.createContext("/", exchange -> answer(exchange, 200, Map.of(), "file"));
        HttpServer index = start("127.0.0.1");
        String elsewhere = "http://localhost:" + files.getAddress().getPort() + "/flask.whl";
        index.createContext("/", exchange -> answer(exchange, 302, Map.of("Location", elsewhere), ""));
        String root = "http://127.0.0.1:" + index.getAddress().getPort() + "/simple/";

        HttpResponse<InputStream> response = http.get(upstream(root, "alice"), URI.create(root + "flask.whl"),
                Map.of());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(authorizations).containsExactly("Basic " + java.util.Base64.getEncoder()
                .encodeToString("alice:secret".getBytes(StandardCharsets.UTF_8)), "none");
    }

    @Test
    void refusesRedirectsToOtherSchemes() throws IOException {
        HttpServer server = start("127.0.0.1");
        server.createContext("/ftp/", exchange -> answer(exchange, 302, Map.of("Location", "ftp://127.0.0.1/x"), ""));
        server.createContext("/js/", exchange -> answer(exchange, 302, Map.of("Location", "javascript:alert(1)"), ""));
        String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

        assertThatThrownBy(() -> http.get(upstream(root, null), URI.create(root + "ftp/"), Map.of()))
                .isInstanceOf(BadGatewayException.class)
                .hasMessage("upstream " + root + " redirected to ftp://127.0.0.1/x, which is not an http or https URL");
        assertThatThrownBy(() -> http.get(upstream(root, null), URI.create(root + "js/"), Map.of()))
                .isInstanceOf(BadGatewayException.class).hasMessageContaining("not an http or https URL");
    }

    @Test
    void refusesARedirectFromHttpsDownToHttp() {
        // the check that a real https upstream goes through before the request to the http URL is made
        Upstream upstream = upstream("https://index.example/simple/", "alice");
        assertThatThrownBy(() -> UpstreamHttp.redirectTarget(upstream, URI.create("https://index.example/simple/a/"),
                "http://index.example/simple/a/"))
                .isInstanceOf(BadGatewayException.class)
                .hasMessage("upstream https://index.example/simple/ redirected from https down to http "
                        + "(http://index.example/simple/a/)");
    }

    @Test
    void stopsAfterFiveRedirects() throws IOException {
        HttpServer server = start("127.0.0.1");
        server.createContext("/", exchange -> answer(exchange, 307, Map.of("Location", "/again"), ""));
        String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/";

        assertThatThrownBy(() -> http.get(upstream(root, null), URI.create(root), Map.of()))
                .isInstanceOf(BadGatewayException.class).hasMessageContaining("redirected more than 5 times");
    }

    @Test
    void aSlowUpstreamIsABadGatewaySayingItTimedOut() throws IOException {
        HttpServer server = start("127.0.0.1");
        server.createContext("/", exchange -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
            answer(exchange, 200, Map.of(), "late");
        });
        String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/simple/";

        assertThatThrownBy(() -> http.get(upstream(root, null), URI.create(root + "flask/"), Map.of()))
                .isInstanceOf(BadGatewayException.class).hasMessage("upstream " + root + " timed out after 500 ms");
    }

    @Test
    void aRefusedConnectionIsABadGatewayNamingTheUpstream() throws IOException {
        HttpServer server = start("127.0.0.1");
        String root = "http://127.0.0.1:" + server.getAddress().getPort() + "/simple/";
        server.stop(0);

        assertThatThrownBy(() -> http.get(upstream(root, null), URI.create(root + "flask/"), Map.of()))
                .isInstanceOf(BadGatewayException.class).hasMessageStartingWith("upstream " + root + " could not be reached");
    }

    private HttpServer start(String address) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(address, 0), 0);
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
        servers.add(server);
        return server;
    }

    private void answer(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        authorizations.add(Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization")).orElse("none"));
        headers.forEach(exchange.getResponseHeaders()::add);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static Upstream upstream(String url, String username) {
        return new Upstream(1, url, Optional.ofNullable(username), Optional.ofNullable(username).map(user -> "secret"),
                10, 0, false, true, Instant.EPOCH, false);
    }
}
