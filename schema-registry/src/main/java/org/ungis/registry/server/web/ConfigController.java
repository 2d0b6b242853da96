package org.ungis.registry.server.web;

import java.util.Map;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.registry.server.core.RegistryService;

/**
 * {@code /config}: compatibility levels. As in Confluent, reads answer {@code compatibilityLevel}
 * and writes answer {@code compatibility}.
 */
@RestController
@RequestMapping(
    path = "/config",
    produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class ConfigController {

  private final RegistryService registry;

  ConfigController(RegistryService registry) {
    this.registry = registry;
  }

  @GetMapping
  Map<String, Object> global() {
    return Map.of("compatibilityLevel", registry.globalLevel().name());
  }

  @PutMapping
  Map<String, Object> setGlobal(@RequestBody(required = false) String body) {
    return Map.of("compatibility", registry.setLevel(null, level(body)).name());
  }

  @DeleteMapping
  Map<String, Object> deleteGlobal() {
    return Map.of("compatibilityLevel", registry.deleteLevel(null).name());
  }

  @GetMapping("/{subject}")
  Map<String, Object> subject(
      @PathVariable String subject, @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
    return Map.of("compatibilityLevel", registry.subjectLevel(subject, defaultToGlobal).name());
  }

  @PutMapping("/{subject}")
  Map<String, Object> setSubject(
      @PathVariable String subject, @RequestBody(required = false) String body) {
    return Map.of("compatibility", registry.setLevel(subject, level(body)).name());
  }

  @DeleteMapping("/{subject}")
  Map<String, Object> deleteSubject(@PathVariable String subject) {
    return Map.of("compatibilityLevel", registry.deleteLevel(subject).name());
  }

  private static String level(String body) {
    return RequestBodies.text(RequestBodies.object(body), "compatibility");
  }
}
