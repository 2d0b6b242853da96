package org.ungis.registry.server.web;

import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /}: an empty object, as Confluent answers (clients use it as a ping). */
@RestController
class RootController {

  @GetMapping(
      path = "/",
      produces = {MediaTypes.V1_JSON, MediaTypes.DEFAULT_JSON, MediaTypes.JSON})
  Map<String, Object> root() {
    return Map.of();
  }
}
