package org.ungis.registry.server.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.ungis.registry.server.core.RegistryService;
import org.ungis.registry.server.core.RegistryService.Registration;

/** {@code /compatibility}: would this schema be accepted? */
@RestController
@RequestMapping(
    path = "/compatibility/subjects/{subject}/versions",
    produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
class CompatibilityController {

  private final RegistryService registry;

  CompatibilityController(RegistryService registry) {
    this.registry = registry;
  }

  @PostMapping("/{version}")
  Map<String, Object> againstVersion(
      @PathVariable String subject,
      @PathVariable String version,
      @RequestParam(defaultValue = "false") boolean verbose,
      @RequestBody(required = false) String body) {
    Registration request = RequestBodies.schemaRequest(body, false);
    return result(
        registry.checkAgainstVersion(
            subject, version, request.schema(), request.schemaType(), verbose),
        verbose);
  }

  @PostMapping
  Map<String, Object> againstAll(
      @PathVariable String subject,
      @RequestParam(defaultValue = "false") boolean verbose,
      @RequestBody(required = false) String body) {
    Registration request = RequestBodies.schemaRequest(body, false);
    return result(
        registry.checkAgainstAll(subject, request.schema(), request.schemaType(), verbose),
        verbose);
  }

  private static Map<String, Object> result(List<String> messages, boolean verbose) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("is_compatible", messages.isEmpty());
    if (verbose) {
      body.put("messages", messages);
    }
    return body;
  }
}
