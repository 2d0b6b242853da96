package org.ungis.slicecheck;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.NativeWebRequest;
import org.ungis.security.ActorArgumentResolver;
import org.ungis.security.AuthenticatedActor;

/**
 * How a service tests its controllers in a {@code @WebMvcTest} slice: platform-security is part of
 * the slice, and spring-security-test's {@code jwt()} stands in for a real token (no key needed;
 * the jwk-set-uri is never contacted).
 */
@WebMvcTest(
    properties =
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://localhost:1/not-contacted")
class WebMvcSliceTest {

  @Autowired MockMvc mvc;

  @Test
  void theActorComesFromTheTokensClaims() throws Exception {
    mvc.perform(
            get("/api/v1/whoami")
                .with(
                    jwt()
                        .jwt(
                            token ->
                                token
                                    .claim("agency", "ITU")
                                    .claim("principal", "intake@itu.int")
                                    .claim("roles", List.of("AGENCY")))))
        .andExpect(status().isOk())
        .andExpect(content().string("ITU intake@itu.int [AGENCY]"));
  }

  @Test
  void withoutATokenTheSliceAnswers401ProblemJson() throws Exception {
    mvc.perform(get("/api/v1/whoami"))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("Content-Type", "application/problem+json"))
        .andExpect(jsonPath("$.type").value("https://ungis.org/problems/unauthorized"));
  }

  @Test
  void aServicesOwnActorTypeComesFromTheTokenThroughItsResolver() throws Exception {
    mvc.perform(
            get("/api/v1/whoami/member")
                .with(
                    jwt()
                        .jwt(
                            token ->
                                token
                                    .claim("agency", "undp")
                                    .claim("principal", "focal@undp.org")
                                    .claim("roles", List.of("AGENCY")))))
        .andExpect(status().isOk())
        .andExpect(content().string("member UNDP"));
  }

  @Test
  void withoutATokenAServicesOwnActorIsNeverResolved() throws Exception {
    mvc.perform(get("/api/v1/whoami/member"))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("https://ungis.org/problems/unauthorized"));
  }

  @SpringBootConfiguration
  @Import({WhoAmI.class, MemberResolver.class})
  static class Service {}

  /** A service's own actor type, as its domain knows it. */
  record Member(String agency) {}

  static class MemberResolver extends ActorArgumentResolver<Member> {
    MemberResolver() {
      super(Member.class);
    }

    @Override
    protected Member resolve(AuthenticatedActor token, NativeWebRequest request) {
      return new Member(token.agency().toUpperCase(Locale.ROOT));
    }
  }

  @RestController
  static class WhoAmI {
    @GetMapping("/api/v1/whoami")
    String whoami(AuthenticatedActor actor) {
      return actor.agency() + " " + actor.principal() + " " + actor.roles();
    }

    @GetMapping("/api/v1/whoami/member")
    String member(Member member) {
      return "member " + member.agency();
    }
  }
}
