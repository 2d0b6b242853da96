package org.ungis.contributions.contribution.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.http.MediaType;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.JwtRequestPostProcessor;
import org.springframework.test.web.servlet.MockMvc;
import org.ungis.contributions.contribution.Call;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionChange;
import org.ungis.contributions.contribution.ContributionQuery;
import org.ungis.contributions.contribution.ContributionService;
import org.ungis.contributions.contribution.ContributionViews;
import org.ungis.contributions.contribution.IdempotentRequest;
import org.ungis.contributions.contribution.Page;
import org.ungis.reference.Roster;
import tools.jackson.databind.json.JsonMapper;

/**
 * The web layer with platform-security in the slice: spring-security-test's {@code jwt()} stands in
 * for a real token, the use cases run on in-memory ports (no Kafka).
 */
@WebMvcTest(
    controllers = ContributionController.class,
    properties =
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:1/not-contacted")
class ContributionControllerSliceTest {

  static final String SUBMISSION =
      """
      {"agency":"UNDP","processId":"gdc-2026","title":"DPI","body":"Text","language":"EN"}""";

  @Autowired MockMvc mvc;

  static JwtRequestPostProcessor token(String agency, String... roles) {
    return jwt()
        .jwt(
            t ->
                t.claim("agency", agency)
                    .claim("principal", "intake@" + agency.toLowerCase() + ".int")
                    .claim("roles", List.of(roles)));
  }

  String submitAsItu() throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/contributions")
                    .with(token("ITU", "AGENCY"))
                    .header("X-Ungis-Agency", "UNDP")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(SUBMISSION))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.agency").value("ITU"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return JsonMapper.shared().readTree(body).get("id").asString();
  }

  @Test
  void theAgencyComesFromTheTokenNotFromAHeaderOrTheBody() throws Exception {
    String id = submitAsItu();

    mvc.perform(get("/api/v1/contributions/" + id + "/history").with(token("ITU", "AGENCY")))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.entries[0].type").value("SUBMITTED"))
        .andExpect(jsonPath("$.entries[0].actor.agency").value("ITU"))
        .andExpect(jsonPath("$.entries[0].actor.principal").value("intake@itu.int"));
  }

  @Test
  void aReviewerReadsButDoesNotSubmitAndAnotherAgencyDoesNotRead() throws Exception {
    String id = submitAsItu();

    mvc.perform(get("/api/v1/contributions/" + id).with(token("UNCTAD", "REVIEWER")))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/contributions/" + id).with(token("UNDP", "AGENCY")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://ungis.org/problems/forbidden"));
    mvc.perform(
            post("/api/v1/contributions")
                .with(token("UNCTAD", "REVIEWER"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(SUBMISSION))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://ungis.org/problems/forbidden"));
    mvc.perform(get("/api/v1/contributions?agency=UNDP").with(token("ITU", "AGENCY")))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.errors[0].field").value("agency"));
  }

  @Test
  void anAgencyNotOnTheRosterAndARequestWithoutTokenAreRefused() throws Exception {
    mvc.perform(
            post("/api/v1/contributions")
                .with(token("ACME", "AGENCY"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(SUBMISSION))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.type").value("https://ungis.org/problems/unknown-agency"))
        .andExpect(jsonPath("$.errors[0].field").value("agency"));
    mvc.perform(get("/api/v1/contributions"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("https://ungis.org/problems/unauthorized"));
  }

  /** The use cases over in-memory ports: a published change is folded into the view at once. */
  @TestConfiguration(proxyBeanMethods = false)
  static class InMemory {

    @Bean
    ContributionService contributionService() {
      Map<String, Contribution.State> store = new ConcurrentHashMap<>();
      Call call = new Call("gdc-2026", "GDC", true, Instant.now().plusSeconds(86_400), Map.of());
      ContributionViews views =
          new ContributionViews() {
            @Override
            public Optional<Contribution> find(String id) {
              return Optional.ofNullable(store.get(id)).map(Contribution::restore);
            }

            @Override
            public Optional<Contribution> awaitChanges(String id, int changes, Duration timeout) {
              return find(id);
            }

            @Override
            public Page<Contribution> list(ContributionQuery query) {
              return Page.of(
                  store.values().stream()
                      .map(Contribution::restore)
                      .filter(query::matches)
                      .toList(),
                  query.page(),
                  query.size());
            }

            @Override
            public boolean awaitCaughtUp(Duration timeout) {
              return true;
            }

            @Override
            public Optional<IdempotentRequest> idempotentRequest(String agency, String key) {
              return Optional.empty();
            }
          };
      return new ContributionService(
          Roster.load(),
          id -> Optional.of(call).filter(c -> c.processId().equals(id)),
          views,
          (change, idempotency) -> {
            if (change instanceof ContributionChange.Submitted s) {
              Contribution c =
                  Contribution.submit(s.meta(), s.contributionId(), s.processId(), s.content());
              store.put(c.id(), c.state());
            }
          },
          Clock.systemUTC(),
          Duration.ofSeconds(1));
    }
  }
}
