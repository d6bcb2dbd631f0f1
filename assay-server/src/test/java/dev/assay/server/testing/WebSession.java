package dev.assay.server.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A browser-like HTTP session without JavaScript: keeps cookies, reads pages, posts their forms. */
public final class WebSession {

    private final String baseUrl;
    private final HttpClient http;

    public WebSession(String baseUrl) {
        this.baseUrl = baseUrl;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /** Fetches a page. */
    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + strip(path))).GET().build());
    }

    /** Fetches a page and parses it. */
    public Document page(String path) {
        HttpResponse<String> response = get(path);
        return Jsoup.parse(response.body(), response.uri().toString());
    }

    /** Fills the form matched by the CSS selector on the page at {@code path} and submits it. */
    public HttpResponse<String> submit(String path, String formSelector, Map<String, String> fields) {
        Element form = page(path).selectFirst(formSelector);
        if (form == null) {
            throw new AssertionError("no form " + formSelector + " on " + path);
        }
        Map<String, String> values = new LinkedHashMap<>();
        form.select("input[type=hidden]").forEach(input -> values.put(input.attr("name"), input.attr("value")));
        values.putAll(fields);
        return post(form.absUrl("action"), values);
    }

    /** Posts form fields exactly as given (no CSRF token is added). */
    public HttpResponse<String> post(String url, Map<String, String> fields) {
        return send(formPost(url, fields).build());
    }

    /** Posts form fields as htmx does (with {@code HX-Request: true}), for the fragments it swaps in. */
    public HttpResponse<String> postHtmx(String url, Map<String, String> fields) {
        return send(formPost(url, fields).header("HX-Request", "true").build());
    }

    private HttpRequest.Builder formPost(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(field -> encode(field.getKey()) + "=" + encode(field.getValue()))
                .collect(Collectors.joining("&"));
        URI target = URI.create(url.startsWith("http") ? url : baseUrl + strip(url));
        return HttpRequest.newBuilder(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Logs in through the login form. */
    public HttpResponse<String> logIn(String user, String password) {
        return submit("login", "form[action$=/login]", Map.of("username", user, "password", password));
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new AssertionError("request to " + request.uri() + " failed", failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
