package org.ungis.registry.server.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.ungis.registry.server.core.CompatibilityLevel;
import org.ungis.registry.server.core.ErrorCode;
import org.ungis.registry.server.core.RegistryException;
import org.ungis.registry.server.core.RegistryService;
import org.ungis.registry.server.core.RegistryState;

/** When the topic cannot be written, callers get Confluent's 50001 / 50002, never a stack trace. */
class StoreErrorTest {

  private static MockMvc mvcWithLogFailing(ErrorCode code) {
    RegistryService registry =
        new RegistryService(
            new RegistryState(),
            entries -> {
              throw new RegistryException(code, "Cannot write to the registry topic: broker down");
            },
            CompatibilityLevel.BACKWARD);
    return MockMvcBuilders.standaloneSetup(
            new SubjectsController(registry), new ConfigController(registry))
        .setControllerAdvice(new ErrorResponses())
        .build();
  }

  @Test
  void aStoreFailureIs50001() throws Exception {
    mvcWithLogFailing(ErrorCode.STORE_ERROR)
        .perform(
            post("/subjects/s-value/versions")
                .contentType("application/vnd.schemaregistry.v1+json")
                .content(
                    "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":[]}\"}"))
        .andExpect(status().isInternalServerError())
        .andExpect(content().contentTypeCompatibleWith("application/vnd.schemaregistry.v1+json"))
        .andExpect(jsonPath("$.error_code").value(50001))
        .andExpect(jsonPath("$.message").value("Cannot write to the registry topic: broker down"));
  }

  @Test
  void aWriteNotReadBackInTimeIs50002() throws Exception {
    mvcWithLogFailing(ErrorCode.OPERATION_TIMEOUT)
        .perform(
            post("/subjects/s-value/versions")
                .content(
                    "{\"schema\":\"{\\\"type\\\":\\\"record\\\",\\\"name\\\":\\\"R\\\",\\\"fields\\\":[]}\"}"))
        .andExpect(status().isInternalServerError())
        .andExpect(jsonPath("$.error_code").value(50002));
  }

  @Test
  void readsStillAnswerWhileWritesFail() throws Exception {
    mvcWithLogFailing(ErrorCode.STORE_ERROR)
        .perform(get("/config/s-value").queryParam("defaultToGlobal", "true"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.compatibilityLevel").value("BACKWARD"));
  }
}
