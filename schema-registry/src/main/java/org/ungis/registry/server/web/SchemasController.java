package org.ungis.registry.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.registry.server.core.ErrorCode;
import org.ungis.registry.server.core.ParsedSchema;
import org.ungis.registry.server.core.RegistryException;
import org.ungis.registry.server.core.RegistryService;
import org.ungis.registry.server.core.RegistryState.StoredSchema;

/** {@code /schemas}: schemas by id, and the supported types. */
@RestController
@RequestMapping(
    path = "/schemas",
    produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class SchemasController {

  private final RegistryService registry;

  SchemasController(RegistryService registry) {
    this.registry = registry;
  }

  /** {@code subject} is accepted for Confluent clients that send it; ids are global here. */
  @GetMapping("/ids/{id}")
  Map<String, Object> schema(
      @PathVariable String id, @RequestParam(required = false) String subject) {
    StoredSchema stored = registry.schemaById(parseId(id));
    Map<String, Object> body = new LinkedHashMap<>();
    if (!ParsedSchema.AVRO.equals(stored.schemaType())) {
      body.put("schemaType", stored.schemaType());
    }
    body.put("schema", stored.canonical());
    return body;
  }

  @GetMapping("/ids/{id}/schema")
  String rawSchema(@PathVariable String id, @RequestParam(required = false) String subject) {
    return registry.schemaById(parseId(id)).canonical();
  }

  @GetMapping("/ids/{id}/versions")
  List<Map<String, Object>> versions(
      @PathVariable String id, @RequestParam(defaultValue = "false") boolean deleted) {
    return registry.versionsOfId(parseId(id), deleted).stream()
        .map(
            use -> {
              Map<String, Object> pair = new LinkedHashMap<>();
              pair.put("subject", use.getKey());
              pair.put("version", use.getValue());
              return pair;
            })
        .toList();
  }

  @GetMapping("/ids/{id}/subjects")
  List<String> subjects(
      @PathVariable String id, @RequestParam(defaultValue = "false") boolean deleted) {
    return registry.subjectsOfId(parseId(id), deleted);
  }

  @GetMapping("/types")
  List<String> types() {
    return List.of(ParsedSchema.AVRO);
  }

  private static int parseId(String id) {
    try {
      return Integer.parseInt(id.trim());
    } catch (NumberFormatException notAnId) {
      throw new RegistryException(ErrorCode.SCHEMA_NOT_FOUND, "Schema " + id + " not found");
    }
  }
}
