package dev.assay.server.apidocs;

import java.util.List;
import java.util.stream.Stream;

import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springdoc.core.customizers.PropertyCustomizer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;

/**
 * What springdoc cannot read from the controllers: the title, how callers authenticate, the tag of each feature,
 * the RFC 9457 problem document every refusal is, and which values Jackson may write as null.
 */
@Configuration
@ConditionalOnWebApplication
class ApiDocsConfiguration {

    static final String BASIC = "basic";

    @Bean
    OpenAPI assayOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Assay REST API").version("v1").description("""
                        Manage projects, releases, roles, git branches, pipelines, package reviews and change \
                        requests. Send HTTP Basic credentials: your user name and password, or `__token__` and \
                        an API token (a token carries only its scopes and, when bound, its project). Reading \
                        public projects needs no credentials. The API keeps no session: a browser's login \
                        cookie is not read here. Every refusal is an RFC 9457 problem document \
                        (`application/problem+json`)."""))
                .components(new Components()
                        .addSecuritySchemes(BASIC, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")
                                .description("Your user name and password, or `__token__` as the user name and an "
                                        + "API token as the password"))
                        .addSchemas(Problems.SCHEMA, Problems.schema()))
                .addSecurityItem(new SecurityRequirement().addList(BASIC))
                // no credentials is a valid choice too: anonymous callers read public projects
                .addSecurityItem(new SecurityRequirement())
                .tags(Stream.of(FeatureTags.values())
                        .map(feature -> new Tag().name(feature.tag()).description(feature.description())).toList());
    }

    /** Tags every operation with its feature; every refusal, documented by status or not, is a problem. */
    @Bean
    GlobalOperationCustomizer featureTagsAndProblems() {
        return (operation, handler) -> {
            operation.setTags(List.of(FeatureTags.of(handler.getBeanType())));
            operation.getResponses().forEach((status, response) -> {
                if (status.startsWith("4") || status.startsWith("5")) {
                    response.setContent(Problems.content());
                }
            });
            operation.getResponses().addApiResponse("default", new ApiResponse()
                    .description("A refusal: bad input (400), missing or refused credentials (401), not allowed "
                            + "(403), not found (404), in conflict with the current state (409)")
                    .content(Problems.content()));
            return operation;
        };
    }

    /**
     * Jackson writes every component of a record, a missing value as {@code null}: a property of any type but a
     * primitive may be null. A referenced record says so itself ({@link #recordsMayBeNull}), as OpenAPI 3.0
     * ignores what stands beside a {@code $ref}.
     */
    @Bean
    PropertyCustomizer nullableUnlessPrimitive() {
        return (property, type) -> {
            boolean primitive = type.getType() != null && Json.mapper().constructType(type.getType()).isPrimitive();
            return primitive || property.get$ref() != null ? property : property.nullable(true);
        };
    }

    /**
     * Every record may stand as a null value where it is referenced; a map or list of {@code Object} holds any
     * value, not only objects; and only the tags some operation uses are listed.
     */
    @Bean
    GlobalOpenApiCustomizer recordsMayBeNull() {
        return openApi -> {
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().forEach((name, schema) -> {
                    if (!name.equals(Problems.SCHEMA) && schema.getProperties() != null) {
                        schema.setNullable(true);
                        for (Object property : schema.getProperties().values()) {
                            anyValueForObject((Schema<?>) property);
                        }
                    }
                });
            }
            if (openApi.getPaths() != null && openApi.getTags() != null) {
                List<String> used = openApi.getPaths().values().stream()
                        .flatMap(path -> path.readOperations().stream())
                        .flatMap(operation -> operation.getTags() == null ? Stream.<String>empty()
                                : operation.getTags().stream())
                        .distinct().toList();
                openApi.setTags(openApi.getTags().stream().filter(tag -> used.contains(tag.getName())).toList());
            }
        };
    }

    /** swagger-core writes {@code Object} as "an object"; Jackson writes whatever value it holds. */
    private static void anyValueForObject(Schema<?> property) {
        if (property.getAdditionalProperties() instanceof Schema<?> values && isBareObject(values)) {
            property.setAdditionalProperties(Boolean.TRUE);
        }
        if (property.getItems() != null && isBareObject(property.getItems())) {
            property.setItems(new Schema<>().nullable(true));
        }
    }

    private static boolean isBareObject(Schema<?> schema) {
        return "object".equals(schema.getType()) && schema.getProperties() == null
                && schema.getAdditionalProperties() == null && schema.get$ref() == null;
    }

    /** The RFC 9457 problem document, as a schema and as the content of a refusal. */
    static final class Problems {

        static final String SCHEMA = "Problem";

        private Problems() {
        }

        static Schema<?> schema() {
            return new Schema<>().type("object")
                    .description("An RFC 9457 problem document: what went wrong and what to fix")
                    .addProperty("type", new Schema<>().type("string").description("about:blank"))
                    .addProperty("title", new Schema<>().type("string").description("the HTTP reason phrase"))
                    .addProperty("status", new Schema<>().type("integer").description("the HTTP status"))
                    .addProperty("detail", new Schema<>().type("string").description("what to fix, in one line"))
                    .addProperty("instance", new Schema<>().type("string").description("the path asked for"))
                    .required(List.of("title", "status"));
        }

        static Content content() {
            return new Content().addMediaType(MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                    new io.swagger.v3.oas.models.media.MediaType()
                            .schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
        }
    }
}
