package dev.assay.server.apidocs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.ForgeFixture;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDistributions;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;

/**
 * The OpenAPI document at /api/docs/openapi.json: valid, readable by anyone, about every API endpoint, and true:
 * real answers of the API are checked against it, each status and body one the document gives for that operation.
 */
abstract class ApiDescriptionContract extends ForgeFixture {

    static final String DOCUMENT = "api/docs/openapi.json";

    String document() {
        HttpResponse<String> response = HttpApi.anonymous(server.url()).get(DOCUMENT);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        return response.body();
    }

    static OpenAPI parse(String json) {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(parsed.getMessages()).as("what the parser found wrong in the document").isEmpty();
        return parsed.getOpenAPI();
    }

    @Test
    void documentIsValidOpenApiThatAnyoneMayRead() throws Exception {
        String json = document();
        Files.writeString(Path.of("target", "openapi-" + databaseKind() + ".json"), json);

        OpenAPI api = parse(json);

        assertThat(api.getOpenapi()).startsWith("3.");
        assertThat(api.getInfo().getTitle()).isEqualTo("Assay REST API");
        assertThat(api.getPaths().keySet()).as("only the API, not the pages nor the index").allSatisfy(
                path -> assertThat(path).startsWith("/api/v1/"));
    }

    @Test
    void describesEveryApiEndpointOfTheCode() {
        OpenAPI api = parse(document());
        Set<String> described = new TreeSet<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().keySet()
                .forEach(method -> described.add(method + " " + path)));

        Set<String> inCode = new TreeSet<>();
        RequestMappingHandlerMapping mappings = server.bean("requestMappingHandlerMapping",
                RequestMappingHandlerMapping.class);
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (pattern.startsWith("/api/v1/")) {
                    for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                        inCode.add(method + " " + pattern.replaceAll("\\{\\*([^}]+)}", "{$1}"));
                    }
                }
            }
        });

        assertThat(inCode).isNotEmpty();
        assertThat(described).containsAll(inCode);
    }


    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private OpenApiInteractionValidator validator;
    private final List<String> disagreements = new ArrayList<>();

    @BeforeEach
    void noDisagreementYet() {
        disagreements.clear();
    }

    @BeforeAll
    void readTheDocument() {
        HttpResponse<String> document = HttpApi.anonymous(server.url()).get(DOCUMENT);
        assertThat(document.statusCode()).isEqualTo(200);
        validator = OpenApiInteractionValidator.createForInlineApiSpecification(document.body()).build();
    }

    /** Sends a request and records where its answer disagrees with the document; the answer. */
    HttpResponse<String> call(HttpApi client, String method, String path, String json, int expectedStatus) {
        HttpResponse<String> response = client.send(method, path, json);
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expectedStatus);
        ValidationReport report = check(method, path, response);
        if (report.hasErrors()) {
            disagreements.add(method + " " + path + " " + response.statusCode() + ": " + report.getMessages());
        }
        return response;
    }

    ValidationReport check(String method, String path, HttpResponse<String> response) {
        SimpleResponse.Builder answer = SimpleResponse.Builder.status(response.statusCode());
        response.headers().firstValue("Content-Type").ifPresent(type -> answer.withHeader("Content-Type", type));
        if (!response.body().isEmpty()) {
            answer.withBody(response.body());
        }
        String bare = "/" + path.replaceFirst("^/", "").replaceFirst("\\?.*$", "");
        return validator.validateResponse(bare, Request.Method.valueOf(method), answer.build());
    }

    /** Creates a project of the caller's over the API, checking the answer; its name. */
    String newProject(HttpApi owner) {
        String project = "docs-" + databaseKind() + "-" + SEQUENCE.incrementAndGet();
        call(owner, "POST", "api/v1/projects", "{\"name\":\"" + project + "\"}", 201);
        return project;
    }

    @Test
    void projectsRolesReleasesAndTokensAnswerAsDescribed() throws Exception {
        HttpApi olive = api("olive");
        HttpApi anonymous = HttpApi.anonymous(server.url());
        String project = newProject(olive);
        String base = "api/v1/projects/" + project;

        call(olive, "POST", "api/v1/projects", "{\"name\":\"" + project + "\"}", 409);
        call(olive, "POST", "api/v1/projects", "{}", 400);
        call(anonymous, "POST", "api/v1/projects", "{\"name\":\"nobody-" + project + "\"}", 401);
        call(olive, "GET", "api/v1/whoami", null, 200);
        call(anonymous, "GET", "api/v1/whoami", null, 401);
        String secret = server.bean(TokenService.class)
                .create(new NewToken("olive", "docs", project, Set.of(TokenScope.UPLOAD))).secret();
        call(new HttpApi(server.url(), "__token__", secret), "GET", "api/v1/whoami", null, 200);

        call(olive, "PUT", base + "/roles/max", "{\"role\":\"maintainer\"}", 200);
        call(olive, "PUT", base + "/roles/rita", "{\"role\":\"reviewer\"}", 200);
        call(olive, "PUT", base + "/roles/rita", "{\"role\":\"king\"}", 400);
        call(olive, "GET", base + "/roles", null, 200);
        call(olive, "GET", base + "/roles/max", null, 200);
        call(api("sam"), "DELETE", base + "/roles/max", null, 403);
        call(olive, "DELETE", base + "/roles/rita", null, 204);
        call(olive, "GET", base + "/visibility", null, 200);
        call(olive, "PUT", base + "/visibility", "{\"visibility\":\"public\"}", 200);

        Path dist = Files.createDirectories(scratch.resolve(project));
        TestDistributions.Spec spec = new TestDistributions.Spec(project, "1.0",
                List.of("Summary: described", "Requires-Dist: requests>=2"), "");
        spec.upload(TestDistributions.wheel(dist, spec), server.url(), "olive", PASSWORD);
        call(olive, "POST", base + "/releases/1.0/yank", "{\"reason\":\"broken\"}", 200);
        call(olive, "DELETE", base + "/releases/1.0/yank", null, 200);
        call(anonymous, "GET", "api/v1/projects/" + project + "/dependencies?version=1.0", null, 200);
        call(anonymous, "GET", "api/v1/projects/" + project + "/dependents", null, 200);
        call(anonymous, "GET", "api/v1/projects/" + project + "/1.0/contents", null, 200);
        call(anonymous, "GET", "api/v1/projects/" + project + "/1.0/downstream", null, 200);
        call(anonymous, "GET", base + "/releases/1.0/pipelines", null, 200);
        call(olive, "DELETE", base + "/releases/1.0", null, 204);
        call(olive, "DELETE", base + "/releases/1.0", null, 404);
        call(anonymous, "GET", "api/v1/projects/no-such-project/roles", null, 401);
        call(olive, "GET", "api/v1/projects/no-such-project/roles", null, 404);

        assertThat(disagreements).as("answers the document does not describe").isEmpty();
    }

    @Test
    void gitChangeRequestsThreadsAndInboxAnswerAsDescribed() throws Exception {
        HttpApi olive = api("olive");
        HttpApi anonymous = HttpApi.anonymous(server.url());
        String project = newProject(olive);
        String base = "api/v1/projects/" + project;
        Path work = scratch.resolve(project + "-work");
        git.run(scratch, "init", "-q", work.toString()).succeeded();
        git.commit(work, "calc.py", "one = 1\n", "One");
        git.run(work, "push", "-q", passwordUrl(project, "olive"), "HEAD:refs/heads/main").succeeded();
        git.run(work, "checkout", "-q", "-b", "two").succeeded();
        git.commit(work, "calc.py", "one = 1\ntwo = 2\n", "Two");
        git.run(work, "push", "-q", passwordUrl(project, "olive"), "two").succeeded();

        call(anonymous, "GET", base + "/branches", null, 200);
        call(anonymous, "GET", base + "/tags", null, 200);
        call(anonymous, "GET", base + "/commits?ref=main", null, 200);
        call(anonymous, "GET", base + "/files/calc.py?ref=main", null, 200);
        call(anonymous, "GET", base + "/files/missing.py?ref=main", null, 404);
        call(anonymous, "GET", base + "/protected-branches", null, 200);
        call(anonymous, "GET", base + "/pipelines", null, 200);

        HttpResponse<String> opened = call(olive, "POST", base + "/changes",
                "{\"title\":\"Two\",\"source\":\"two\",\"target\":\"main\"}", 201);
        long number = HttpApi.parse(opened.body()).path("number").asLong();
        String change = "api/v1/changes/" + number;
        call(anonymous, "GET", "api/v1/changes?state=all&project=" + project, null, 200);
        call(anonymous, "GET", "api/v1/changes?state=sideways", null, 400);
        call(anonymous, "GET", change, null, 200);
        call(olive, "PATCH", change, "{\"description\":\"Adds two\"}", 200);
        call(anonymous, "GET", change + "/diff", null, 200);
        call(anonymous, "GET", change + "/votes", null, 200);
        call(anonymous, "GET", change + "/gate", null, 200);
        HttpResponse<String> thread = call(olive, "POST", change + "/threads", "{\"body\":\"Why two?\"}", 201);
        long id = HttpApi.parse(thread.body()).path("id").asLong();
        call(olive, "POST", change + "/threads/" + id + "/comments", "{\"body\":\"Because.\"}", 201);
        call(olive, "POST", change + "/threads/" + id + "/resolve", null, 200);
        call(anonymous, "GET", change + "/threads", null, 200);
        call(olive, "GET", "api/v1/users?prefix=ol", null, 200);
        call(olive, "GET", "api/v1/users", null, 400);

        call(olive, "GET", "api/v1/notifications", null, 200);
        call(olive, "GET", "api/v1/watching", null, 200);
        call(olive, "PUT", "api/v1/watching/projects/" + project, null, 200);
        call(anonymous, "GET", "api/v1/reviews", null, 200);
        call(anonymous, "GET", "api/v1/review-checklist", null, 200);
        call(api("ada"), "GET", "api/v1/admin/registration", null, 200);
        call(olive, "GET", "api/v1/admin/registration", null, 403);

        assertThat(disagreements).as("answers the document does not describe").isEmpty();
    }

    @Test
    void theOnlySecuritySchemeIsHttpBasicAsTheApiReadsNoBrowserSession() {
        OpenAPI api = parse(document());
        assertThat(api.getComponents().getSecuritySchemes()).containsOnlyKeys("basic");
        assertThat(api.getComponents().getSecuritySchemes().get("basic").getScheme()).isEqualTo("basic");

        HttpResponse<String> withCookie = session("olive").get("api/v1/whoami");

        assertThat(withCookie.statusCode()).as("a logged-in browser's cookie is not credentials for the API")
                .isEqualTo(401);
        assertThat(check("GET", "api/v1/whoami", withCookie).hasErrors()).isFalse();
    }

    @Test
    void anAnswerTheDocumentDoesNotDescribeIsCaught() {
        HttpResponse<String> real = api("olive").get("api/v1/whoami");
        assertThat(check("GET", "api/v1/whoami", real).hasErrors()).isFalse();

        SimpleResponse wrongType = SimpleResponse.Builder.ok().withHeader("Content-Type", "application/json")
                .withBody("{\"user\": 42, \"authenticatedBy\": \"password\", \"scopes\": \"none\"}").build();
        SimpleResponse problemAsJson = SimpleResponse.Builder.status(404).withHeader("Content-Type", "text/html")
                .withBody("<h1>Not found</h1>").build();

        assertThat(validator.validateResponse("/api/v1/whoami", Request.Method.GET, wrongType).hasErrors()).isTrue();
        assertThat(validator.validateResponse("/api/v1/whoami", Request.Method.GET, problemAsJson).hasErrors())
                .isTrue();
    }
}
