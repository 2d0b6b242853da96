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

/** {@code /mode}: READWRITE, READONLY, READONLY_OVERRIDE or IMPORT, global or per subject. */
@RestController
@RequestMapping(
    path = "/mode",
    produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class ModeController {

  private final RegistryService registry;

  ModeController(RegistryService registry) {
    this.registry = registry;
  }

  @GetMapping
  Map<String, Object> global() {
    return Map.of("mode", registry.globalMode().name());
  }

  @PutMapping
  Map<String, Object> setGlobal(
      @RequestParam(defaultValue = "false") boolean force,
      @RequestBody(required = false) String body) {
    return Map.of("mode", registry.setMode(null, mode(body), force).name());
  }

  @GetMapping("/{subject}")
  Map<String, Object> subject(
      @PathVariable String subject, @RequestParam(defaultValue = "false") boolean defaultToGlobal) {
    return Map.of("mode", registry.subjectMode(subject, defaultToGlobal).name());
  }

  @PutMapping("/{subject}")
  Map<String, Object> setSubject(
      @PathVariable String subject,
      @RequestParam(defaultValue = "false") boolean force,
      @RequestBody(required = false) String body) {
    return Map.of("mode", registry.setMode(subject, mode(body), force).name());
  }

  @DeleteMapping("/{subject}")
  Map<String, Object> deleteSubject(@PathVariable String subject) {
    return Map.of("mode", registry.deleteMode(subject).name());
  }

  private static String mode(String body) {
    return RequestBodies.text(RequestBodies.object(body), "mode");
  }
}
