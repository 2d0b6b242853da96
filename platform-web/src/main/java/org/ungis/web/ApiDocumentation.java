package org.ungis.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Makes a service's OpenAPI document say what the service answers, so that real responses can be
 * validated against it: every operation's error answers as {@code default}, RFC 9457
 * application/problem+json ({@value #PROBLEM}); {@code application/json} where Spring's default
 * {@code *}{@code /*} stands; every property that is not required may be {@code null} (the services
 * write absent values as {@code null}); Spring's {@code ProblemDetail} as it is written, with its
 * extension members at the top level.
 */
public final class ApiDocumentation implements OpenApiCustomizer {

  /** The name of the problem details schema in {@code components.schemas}. */
  public static final String PROBLEM = "Problem";

  @Override
  public void customise(OpenAPI api) {
    api.schema(PROBLEM, problem());
    if (api.getPaths() != null) {
      for (PathItem path : api.getPaths().values()) {
        for (Operation operation : path.readOperations()) {
          document(operation);
        }
      }
    }
    if (api.getComponents() != null && api.getComponents().getSchemas() != null) {
      api.getComponents().getSchemas().values().forEach(ApiDocumentation::nullableUnlessRequired);
      Schema<?> springProblem = api.getComponents().getSchemas().get("ProblemDetail");
      if (springProblem != null) {
        // Spring writes ProblemDetail's extension members (errors, reason, ...) at the top level,
        // not under "properties" as the class suggests.
        springProblem.getProperties().remove("properties");
        springProblem.setAdditionalProperties(true);
      }
    }
  }

  private static void document(Operation operation) {
    ApiResponses responses = operation.getResponses();
    if (responses == null) {
      responses = new ApiResponses();
      operation.setResponses(responses);
    }
    for (ApiResponse response : responses.values()) {
      Content content = response.getContent();
      if (content != null && content.containsKey("*/*")) {
        MediaType any = content.remove("*/*");
        content.putIfAbsent(org.springframework.http.MediaType.APPLICATION_JSON_VALUE, any);
      }
    }
    if (!responses.containsKey("default")) {
      responses.addApiResponse(
          "default",
          new ApiResponse()
              .description(
                  "An error: RFC 9457 problem details with a stable type"
                      + " https://ungis.org/problems/<slug> (see docs/api.md)")
              .content(
                  new Content()
                      .addMediaType(
                          org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                          new MediaType()
                              .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
    }
  }

  private static void nullableUnlessRequired(Schema<?> schema) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties == null) {
      return;
    }
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    properties.forEach(
        (name, property) -> {
          if (!required.contains(name) && property.get$ref() == null) {
            property.setNullable(true);
          }
        });
  }

  private static Schema<?> problem() {
    Map<String, Schema> properties = new LinkedHashMap<>();
    properties.put("type", new StringSchema().description("A stable URI naming the problem"));
    properties.put("title", new StringSchema());
    properties.put("status", new IntegerSchema());
    properties.put("detail", new StringSchema().nullable(true));
    properties.put("instance", new StringSchema().nullable(true));
    properties.put(
        "errors",
        new ArraySchema()
            .items(
                new ObjectSchema()
                    .addProperty("field", new StringSchema())
                    .addProperty("message", new StringSchema()))
            .description("Each bad field or parameter"));
    properties.put("parameter", new StringSchema().description("The bad query parameter"));
    properties.put("reason", new StringSchema().description("A refusal's stable reason code"));
    ObjectSchema problem = new ObjectSchema();
    problem.setProperties(properties);
    problem.setRequired(List.of("type", "status"));
    problem.setAdditionalProperties(true);
    problem.setDescription("RFC 9457 problem details");
    return problem;
  }
}
