package org.ungis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

class ActorJwtConverterTest {

  final ActorJwtConverter platformClaims =
      new ActorJwtConverter(new UngisSecurityProperties.Claims("agency", "principal", "roles"));

  @Test
  void readsTheActorAndGrantsRolesAndScopes() {
    Jwt jwt =
        jwt(
            Map.of(
                "sub", "reviewer-unctad-1",
                "agency", "UNCTAD",
                "principal", "reviewer-1@unctad.int",
                "roles", List.of("REVIEWER"),
                "scope", "reviews.write reviews.read"));

    var authentication = (ActorAuthenticationToken) platformClaims.convert(jwt);

    assertThat(authentication.actor())
        .isEqualTo(
            new AuthenticatedActor(
                "UNCTAD", "reviewer-1@unctad.int", java.util.Set.of("REVIEWER")));
    assertThat(authentication.getName()).isEqualTo("reviewer-1@unctad.int");
    assertThat(authentication.getAuthorities())
        .extracting(GrantedAuthority::getAuthority)
        .containsExactlyInAnyOrder("ROLE_REVIEWER", "SCOPE_reviews.write", "SCOPE_reviews.read");
    assertThat(authentication.actor().isReviewer()).isTrue();
    assertThat(authentication.actor().isAgency()).isFalse();
  }

  @Test
  void thePrincipalFallsBackToTheSubject() {
    Jwt jwt = jwt(Map.of("sub", "itu-intake", "agency", "ITU", "roles", "AGENCY"));

    AuthenticatedActor actor = platformClaims.actorOf(jwt);

    assertThat(actor.principal()).isEqualTo("itu-intake");
    assertThat(actor.roles()).containsExactly("AGENCY");
  }

  @Test
  void aTokenWithoutAgencyIsInvalid() {
    Jwt jwt = jwt(Map.of("sub", "someone", "roles", List.of("AGENCY")));

    assertThatThrownBy(() -> platformClaims.convert(jwt))
        .isInstanceOf(InvalidBearerTokenException.class)
        .hasMessageContaining("'agency'");
  }

  @Test
  void claimNamesOfAnotherProviderAreConfigurableAndMayBeNested() {
    var keycloakStyle =
        new ActorJwtConverter(
            new UngisSecurityProperties.Claims(
                "https://ungis.org/agency", "email", "realm_access.roles"));
    Jwt jwt =
        jwt(
            Map.of(
                "sub", "0b6f",
                "https://ungis.org/agency", "UNDP",
                "email", "jane.doe@undp.org",
                "realm_access", Map.of("roles", List.of("REVIEWER", "offline_access"))));

    AuthenticatedActor actor = keycloakStyle.actorOf(jwt);

    assertThat(actor.agency()).isEqualTo("UNDP");
    assertThat(actor.principal()).isEqualTo("jane.doe@undp.org");
    assertThat(actor.roles()).containsExactlyInAnyOrder("REVIEWER", "offline_access");
  }

  @Test
  void theAudienceMustNameThePlatform() {
    var validator = new AudienceValidator("ungis-platform");

    assertThat(validator.validate(jwt(Map.of("aud", List.of("ungis-platform")))).hasErrors())
        .isFalse();
    assertThat(validator.validate(jwt(Map.of("aud", List.of("other")))).hasErrors()).isTrue();
    assertThat(validator.validate(jwt(Map.of("sub", "x"))).hasErrors()).isTrue();
  }

  @Test
  void publicPathsMayNameAMethod() {
    var matchers =
        PlatformSecurityAutoConfiguration.publicPaths(
            List.of("/api/v1/records/**", "GET /api/v1/feeds/**", " "));

    assertThat(matchers).hasSize(2);
  }

  private static Jwt jwt(Map<String, Object> claims) {
    Jwt.Builder builder =
        Jwt.withTokenValue("token")
            .header("alg", "RS256")
            .issuedAt(Instant.now())
            .expiresAt(Instant.now().plusSeconds(60));
    claims.forEach(builder::claim);
    return builder.build();
  }
}
