package dev.assay.server.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.web.util.UriUtils;

import dev.assay.server.accounts.Group;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.admin.AccountViews.CreatedTokenView;
import dev.assay.server.accounts.admin.AccountViews.TokenView;
import dev.assay.server.accounts.admin.AccountViews.UserView;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.error.UnauthorizedException;
import dev.assay.server.pipeline.plugins.TaskList;
import dev.assay.server.pipeline.plugins.TaskView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An admin command acting through a running server's admin API, as an administrator signed in with a password: the
 * server's own rules and database apply, whichever machine and directory the command runs in.
 */
final class ServerAdmin implements AdminBackend {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI server;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final JsonMapper json = JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    ServerAdmin(URI server, String user, String password) {
        if (!("https".equals(server.getScheme()) || "http".equals(server.getScheme())) || server.getHost() == null) {
            throw new InvalidInputException("--server must be an http(s) URL such as https://assay.example.org, was '"
                    + server + "'");
        }
        String text = server.toString();
        this.server = URI.create(text.endsWith("/") ? text : text + "/");
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String location() {
        return "the server at " + server;
    }

    @Override
    public UserView createUser(NewUser request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", request.name());
        body.put("email", request.email());
        body.put("fullName", request.fullName());
        body.put("password", request.password());
        body.put("groups", request.groups().stream().map(Group::key).toList());
        return json.readValue(send("POST", "users", body), UserView.class);
    }

    @Override
    public UserView user(String name) {
        return json.readValue(send("GET", "users/" + segment(name), null), UserView.class);
    }

    @Override
    public UserView changeGroups(String name, Set<Group> added, Set<Group> removed) {
        Map<String, Object> body = Map.of("add", added.stream().map(Group::key).toList(),
                "remove", removed.stream().map(Group::key).toList());
        return json.readValue(send("POST", "users/" + segment(name) + "/groups", body), UserView.class);
    }

    @Override
    public CreatedTokenView createToken(NewToken request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("project", request.project());
        body.put("scopes", request.scopes().stream().map(TokenScope::key).toList());
        body.put("description", request.description());
        return json.readValue(send("POST", "users/" + segment(request.owner()) + "/tokens", body),
                CreatedTokenView.class);
    }

    @Override
    public List<TokenView> tokens(String owner) {
        return json.readValue(send("GET", "users/" + segment(owner) + "/tokens", null),
                new TypeReference<List<TokenView>>() { });
    }

    @Override
    public TokenView revoke(long id) {
        return json.readValue(send("DELETE", "tokens/" + id, null), TokenView.class);
    }

    @Override
    public TaskList tasks() {
        return json.readValue(send("GET", "tasks", null), TaskList.class);
    }

    @Override
    public TaskView switchTask(String name, boolean enabled) {
        return json.readValue(send("POST", "tasks/" + segment(name) + (enabled ? "/enable" : "/disable"), null),
                TaskView.class);
    }

    @Override
    public void close() {
        // Java 17's HttpClient has nothing to close; its threads are daemons
    }

    private String send(String method, String path, Object body) {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("api/v1/admin/" + path)).timeout(TIMEOUT)
                .header("Authorization", authorization).header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        HttpResponse<String> answer;
        try {
            answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException unreachable) {
            throw new InvalidInputException("cannot reach the Assay server at " + server + " (" + unreachable
                    + "): is --server right, and is the server running?");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + server, interrupted);
        }
        check(answer);
        return answer.body();
    }

    private void check(HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status < 300) {
            return;
        }
        String detail = detail(answer.body());
        switch (status) {
            case 400 -> throw new InvalidInputException(detail);
            case 401 -> throw new UnauthorizedException("the server at " + server + " refused the user name and "
                    + "password: " + detail);
            case 403 -> throw new ForbiddenException(detail);
            case 404 -> throw new NotFoundException(detail.isEmpty() ? server + " has no admin API: is it an Assay "
                    + "server of this version?" : detail);
            case 409 -> throw new ConflictException(detail);
            default -> throw new IllegalStateException("the server at " + server + " answered HTTP " + status + " "
                    + detail);
        }
    }

    private String detail(String body) {
        try {
            JsonNode problem = json.readTree(body);
            JsonNode detail = problem.has("detail") ? problem.get("detail") : problem.get("message");
            return detail == null ? "" : detail.asString();
        } catch (RuntimeException notJson) {
            return body == null ? "" : body.strip().lines().findFirst().orElse("");
        }
    }

    private static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }
}
