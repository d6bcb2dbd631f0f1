package dev.assay.server.upstream.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.assay.server.error.BadGatewayException;
import dev.assay.server.upstream.config.Upstream;

/**
 * GET requests to an upstream index: the configured timeouts, up to five redirects followed by hand between http
 * and https URLs only (never from https down to http), and the upstream's credentials sent to its own host only.
 */
@Component
public class UpstreamHttp {

    static final int MAX_REDIRECTS = 5;

    private final FetchSettings settings;
    private final HttpClient client;

    UpstreamHttp(FetchSettings settings) {
        this.settings = settings;
        // redirects by hand: the client's own policy would follow https -> http and keep no say on credentials
        this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Asks {@code url} (a page or file of {@code upstream}) with {@code headers}; the answer after redirects,
     * whatever its status. Throws {@link BadGatewayException} naming the upstream when it cannot be reached, does
     * not answer in time, or redirects where it may not.
     */
    public HttpResponse<InputStream> get(Upstream upstream, URI url, Map<String, String> headers) {
        URI target = url;
        for (int redirects = 0; ; redirects++) {
            HttpResponse<InputStream> response = send(upstream, target, headers);
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty()) {
                return response;
            }
            close(response);
            if (redirects == MAX_REDIRECTS) {
                throw failure(upstream, "redirected more than " + MAX_REDIRECTS + " times (last to " + location.get()
                        + ")");
            }
            target = redirectTarget(upstream, target, location.get());
        }
    }

    private HttpResponse<InputStream> send(Upstream upstream, URI target, Map<String, String> headers) {
        try {
            return client.send(request(upstream, target, headers), HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpConnectTimeoutException timeout) {
            throw failure(upstream, "could not connect within " + duration(settings.connectTimeout()));
        } catch (HttpTimeoutException timeout) {
            throw failure(upstream, "timed out after " + duration(settings.readTimeout()));
        } catch (ConnectException refused) {
            throw failure(upstream, "could not be reached (" + target.getHost() + ":" + port(target)
                    + " refused the connection)");
        } catch (IOException broken) {
            throw failure(upstream, "could not be reached (" + describe(broken) + ")");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure(upstream, "was not asked: the request was interrupted");
        } catch (IllegalArgumentException invalid) {
            throw failure(upstream, "gave an unusable URL " + target + " (" + invalid.getMessage() + ")");
        }
    }

    private HttpRequest request(Upstream upstream, URI target, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(target).GET().timeout(settings.readTimeout());
        headers.forEach(request::header);
        if (sameHost(URI.create(upstream.url()), target) && upstream.username().isPresent()) {
            String pair = upstream.username().get() + ":" + upstream.password().orElse("");
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }

    static URI redirectTarget(Upstream upstream, URI from, String location) {
        URI to;
        try {
            to = from.resolve(location.strip());
        } catch (IllegalArgumentException invalid) {
            throw failure(upstream, "redirected to an invalid URL: " + location);
        }
        String scheme = Optional.ofNullable(to.getScheme()).orElse("").toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || to.getHost() == null) {
            throw failure(upstream, "redirected to " + to + ", which is not an http or https URL");
        }
        if (from.getScheme().equalsIgnoreCase("https") && scheme.equals("http")) {
            throw failure(upstream, "redirected from https down to http (" + to + ")");
        }
        return to;
    }

    /** Whether two URLs name the same host and port, so credentials for one may go to the other. */
    static boolean sameHost(URI a, URI b) {
        return a.getHost() != null && b.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() != -1) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // the redirect's body is not needed
        }
    }

    private static String describe(IOException broken) {
        String message = broken.getMessage();
        return message == null || message.isBlank() ? broken.getClass().getSimpleName() : message;
    }

    /** A timeout as messages say it: {@code 10 s}, {@code 300 ms}. */
    static String duration(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }

    /** A failure of {@code upstream}, named by its URL (which never holds credentials). */
    static BadGatewayException failure(Upstream upstream, String what) {
        return new BadGatewayException("upstream " + upstream.url() + " " + what);
    }
}
