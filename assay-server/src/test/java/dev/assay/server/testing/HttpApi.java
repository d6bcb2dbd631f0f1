package dev.assay.server.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Real HTTP to a test server with one set of HTTP Basic credentials (or none), for the JSON APIs and pages. */
public record HttpApi(String baseUrl, String user, String password) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A client that sends no credentials. */
    public static HttpApi anonymous(String baseUrl) {
        return new HttpApi(baseUrl, null, null);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** POSTs bytes, with extra headers given as name, value, name, value… */
    public HttpResponse<String> postBytes(String path, byte[] body, String... headers) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/octet-stream");
        if (headers.length > 0) {
            request.headers(headers);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE());
    }

    /** Sends any method, with a JSON body unless {@code json} is null. */
    public HttpResponse<String> send(String method, String path, String json) {
        HttpRequest.Builder request = request(path);
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** GETs a JSON document, failing unless the answer is 200. */
    public JsonNode json(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    /** Parses a JSON body. */
    public static JsonNode parse(String body) {
        return JSON.readTree(body);
    }

    private HttpRequest.Builder request(String path) {
        String relative = path.replaceFirst("^/", "");
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + relative));
        if (relative.startsWith("api/")) {
            builder.header("Accept", "application/json");
        }
        if (user != null) {
            builder.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        return builder;
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new AssertionError("request failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }
}
