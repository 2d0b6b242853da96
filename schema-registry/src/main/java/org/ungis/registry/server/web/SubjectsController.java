package org.ungis.registry.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.registry.server.core.ParsedSchema;
import org.ungis.registry.server.core.RegistryService;
import org.ungis.registry.server.core.RegistryService.Registered;
import org.ungis.registry.server.core.RegistryService.Registration;
import org.ungis.registry.server.core.SchemaView;

/** {@code /subjects}: registration, look-up, versions and deletion. */
@RestController
@RequestMapping(
    path = "/subjects",
    produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class SubjectsController {

  private final RegistryService registry;

  SubjectsController(RegistryService registry) {
    this.registry = registry;
  }

  @GetMapping
  List<String> subjects(
      @RequestParam(required = false) String subjectPrefix,
      @RequestParam(defaultValue = "false") boolean deleted) {
    return registry.subjects(subjectPrefix, deleted);
  }

  @GetMapping("/{subject}/versions")
  List<Integer> versions(
      @PathVariable String subject, @RequestParam(defaultValue = "false") boolean deleted) {
    return registry.versions(subject, deleted);
  }

  @PostMapping("/{subject}/versions")
  Map<String, Object> register(
      @PathVariable String subject,
      @RequestParam(defaultValue = "false") boolean normalize,
      @RequestBody(required = false) String body) {
    Registration request = RequestBodies.schemaRequest(body, normalize);
    Registered registered = registry.register(subject, request);
    return Map.of("id", registered.id());
  }

  @PostMapping("/{subject}")
  Map<String, Object> lookup(
      @PathVariable String subject,
      @RequestParam(defaultValue = "false") boolean normalize,
      @RequestParam(defaultValue = "false") boolean deleted,
      @RequestBody(required = false) String body) {
    Registration request = RequestBodies.schemaRequest(body, normalize);
    return view(
        registry.lookup(subject, request.schema(), request.schemaType(), normalize, deleted));
  }

  @GetMapping("/{subject}/versions/{version}")
  Map<String, Object> version(
      @PathVariable String subject,
      @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean deleted) {
    return view(registry.version(subject, version, deleted));
  }

  @GetMapping("/{subject}/versions/{version}/schema")
  String rawSchema(
      @PathVariable String subject,
      @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean deleted) {
    return registry.version(subject, version, deleted).schema();
  }

  @GetMapping("/{subject}/versions/{version}/referencedby")
  List<Integer> referencedBy(@PathVariable String subject, @PathVariable String version) {
    registry.version(subject, version, true);
    return List.of(); // references are not supported, so nothing refers to a version
  }

  @DeleteMapping("/{subject}")
  List<Integer> deleteSubject(
      @PathVariable String subject, @RequestParam(defaultValue = "false") boolean permanent) {
    return registry.deleteSubject(subject, permanent);
  }

  @DeleteMapping("/{subject}/versions/{version}")
  Integer deleteVersion(
      @PathVariable String subject,
      @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean permanent) {
    return registry.deleteVersion(subject, version, permanent);
  }

  static Map<String, Object> view(SchemaView view) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", view.subject());
    body.put("version", view.version());
    body.put("id", view.id());
    if (!ParsedSchema.AVRO.equals(view.schemaType())) {
      body.put("schemaType", view.schemaType());
    }
    body.put("schema", view.schema());
    return body;
  }
}
