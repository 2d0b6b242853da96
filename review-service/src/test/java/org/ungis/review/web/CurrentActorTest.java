package org.ungis.review.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.context.request.ServletWebRequest;
import org.ungis.reference.Roster;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.Rota;
import org.ungis.review.rules.RuleViolation;

/** The acting reviewer comes from the verified token only, and only a reviewer acts here. */
class CurrentActorTest {

  /** In the period 2025-2026: chair UNCTAD; vice-chairs ITU, UNDP, UNESCO, UNESCWA. */
  static final Clock IN_2026 = Clock.fixed(Instant.parse("2026-03-01T00:00:00Z"), ZoneOffset.UTC);

  final CurrentActor currentActor = new CurrentActor(new Rota(Roster.load()), IN_2026);

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aReviewerTokenGivesItsAgencyAndPrincipal() {
    authenticate("UNCTAD", "reviewer-1@unctad.int", "REVIEWER");
    assertThat(resolve()).isEqualTo(new Actor("UNCTAD", "reviewer-1@unctad.int"));
  }

  @Test
  void anAgencyTokenIsForbidden() {
    authenticate("ITU", "intake@itu.int", "AGENCY");
    assertThatThrownBy(this::resolve)
        .isInstanceOfSatisfying(
            RuleViolation.class,
            v -> {
              assertThat(v.kind()).isEqualTo(RuleViolation.Kind.FORBIDDEN);
              assertThat(v.reason()).isEqualTo(Reasons.NOT_A_REVIEWER);
            });
  }

  @Test
  void aReviewerOfAnAgencyThatIsNoMemberIsRefused() {
    authenticate("ACME", "someone@acme.example", "REVIEWER");
    assertThatThrownBy(this::resolve).isInstanceOf(UnknownAgencyException.class);
  }

  @Test
  void aReviewerOfAPastPeriodReadsNothingButMayStillTryToActWhichTheWorkflowRefusesAndAudits() {
    authenticate("UNESCAP", "priya.raman@un.org", "REVIEWER");
    var read = new ServletWebRequest(new MockHttpServletRequest("GET", "/api/v1/reviews"));
    assertThatThrownBy(() -> currentActor.resolveArgument(null, null, read, null))
        .isInstanceOfSatisfying(
            RuleViolation.class, v -> assertThat(v.reason()).isEqualTo(Reasons.NOT_ON_ROTA));
    var decide =
        new ServletWebRequest(new MockHttpServletRequest("POST", "/api/v1/reviews/x/decisions"));
    assertThat(currentActor.resolveArgument(null, null, decide, null))
        .isEqualTo(new Actor("UNESCAP", "priya.raman@un.org"));

    authenticate("UNESCWA", "karim.mansour@un.org", "REVIEWER");
    assertThat(currentActor.resolveArgument(null, null, read, null))
        .isEqualTo(new Actor("UNESCWA", "karim.mansour@un.org"));
  }

  @Test
  void withoutATokenThereIsNoActor() {
    assertThatThrownBy(this::resolve)
        .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
  }

  private Actor resolve() {
    return currentActor.resolveArgument(null, null, null, null);
  }

  private static void authenticate(String agency, String principal, String role) {
    Jwt jwt =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .subject("client")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60))
            .claim("agency", agency)
            .claim("principal", principal)
            .claim("roles", List.of(role))
            .build();
    SecurityContextHolder.getContext()
        .setAuthentication(
            new JwtAuthenticationToken(jwt, AuthorityUtils.createAuthorityList("ROLE_" + role)));
  }
}
