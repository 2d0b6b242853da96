package org.ungis.registry.server.web;

import org.ungis.registry.server.core.ErrorCode;
import org.ungis.registry.server.core.RegistryException;
import org.ungis.registry.server.core.RegistryService.Registration;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads request bodies leniently (any content type, unknown fields ignored) and refuses bodies that
 * are not JSON objects with a clear 4xx.
 */
final class RequestBodies {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private RequestBodies() {}

  static JsonNode object(String body) {
    if (body == null || body.isBlank()) {
      return MAPPER.createObjectNode();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JacksonException notJson) {
      throw new BadRequestException(
          "The request body is not JSON: " + notJson.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new BadRequestException("The request body must be a JSON object");
    }
    return node;
  }

  /** A schema request: {@code schema}, {@code schemaType}, {@code references}, ... */
  static Registration schemaRequest(String body, boolean normalize) {
    JsonNode node = object(body);
    JsonNode schema = node.get("schema");
    if (schema == null || schema.isNull()) {
      throw new RegistryException(ErrorCode.INVALID_SCHEMA, "Empty schema");
    }
    if (!schema.isString()) {
      throw new BadRequestException("The field 'schema' must be a string holding the schema");
    }
    JsonNode references = node.get("references");
    if (references != null && !references.isNull() && !references.isEmpty()) {
      throw new RegistryException(
          ErrorCode.INVALID_SCHEMA, "Schema references are not supported by this registry");
    }
    return new Registration(
        schema.asString(),
        text(node, "schemaType"),
        integer(node, "id"),
        integer(node, "version"),
        normalize);
  }

  static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new BadRequestException("The field '" + field + "' must be a string");
    }
    return value.asString();
  }

  private static Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.canConvertToInt()) {
      throw new BadRequestException("The field '" + field + "' must be an integer");
    }
    return value.asInt();
  }
}
