package org.ungis.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import tools.jackson.databind.JsonNode;

/**
 * People sign in through the portal client over real HTTP, step by step as a browser and the
 * portal's backend do it: the authorization request with PKCE, the sign-in page, its form with the
 * session cookie and CSRF token, the redirect back with a code, the code exchange, refresh and
 * sign-out.
 */
class PersonSignInIT {

  static final String PORTAL_REDIRECT = "http://localhost:8080/login/oauth2/code/ungis";
  static final String ALL_SCOPES =
      "openid profile contributions.read contributions.write processes.read processes.write"
          + " reviews.read reviews.write";

  static EmbeddedAuthServer auth;
  static JwtDecoder jwks;

  @BeforeAll
  static void start() {
    auth = SharedAuthServer.get();
    jwks = NimbusJwtDecoder.withJwkSetUri(auth.jwkSetUri()).build();
  }

  static SignInFlow browser() {
    return new SignInFlow(auth.issuer(), "portal", "portal-secret", PORTAL_REDIRECT);
  }

  @Test
  void aFocalPointSignsInAndTheirTokensNameThemAndTheirAgency() {
    SignInFlow browser = browser();
    SignInFlow.Pkce pkce = SignInFlow.Pkce.generate();

    HttpResponse<String> authorize =
        browser.get(
            browser.authorizationUrl(ALL_SCOPES, "s1", pkce, Map.of("ui_locales", "fr-CH fr")));
    assertThat(authorize.statusCode()).isEqualTo(302);
    assertThat(SignInFlow.location(authorize)).isEqualTo(auth.issuer() + "/login?ui_locales=fr");

    HttpResponse<String> page = browser.get(SignInFlow.location(authorize));
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
    assertThat(page.body())
        .contains("<html lang=\"fr\" dir=\"ltr\">")
        .contains("<label for=\"username\">Adresse électronique</label>")
        .contains("<label for=\"password\">Mot de passe</label>")
        .contains("<button type=\"submit\">Se connecter</button>")
        .doesNotContain("role=\"alert\"");

    HttpResponse<String> signedIn =
        browser.submit(page, "lea.moreau@itu.int", "blue-lantern", Map.of("ui_locales", "fr"));
    assertThat(signedIn.statusCode()).isEqualTo(302);
    assertThat(SignInFlow.location(signedIn)).startsWith(auth.issuer() + "/oauth2/authorize?");

    HttpResponse<String> back = browser.get(SignInFlow.location(signedIn));
    assertThat(back.statusCode()).isEqualTo(302);
    String redirect = SignInFlow.location(back);
    assertThat(redirect).startsWith(PORTAL_REDIRECT + "?");
    assertThat(SignInFlow.queryParameter(redirect, "state")).contains("s1");
    String code = SignInFlow.queryParameter(redirect, "code").orElseThrow();

    HttpResponse<String> exchanged = browser.exchange(code, pkce.verifier());
    assertThat(exchanged.statusCode()).isEqualTo(200);
    JsonNode body = SignInFlow.json(exchanged.body());
    assertThat(body.get("scope").asString().split(" "))
        .containsExactlyInAnyOrder(
            "openid", "profile", "contributions.read", "contributions.write", "processes.read");
    assertThat(body.get("refresh_token").asString()).isNotBlank();

    Jwt access = jwks.decode(body.get("access_token").asString());
    assertThat(access.getSubject()).isEqualTo("lea.moreau@itu.int");
    assertThat(access.getClaimAsString("agency")).isEqualTo("ITU");
    assertThat(access.getClaimAsStringList("roles")).containsExactly("AGENCY");
    assertThat(access.getClaimAsString("principal")).isEqualTo("lea.moreau@itu.int");
    assertThat(access.getClaimAsString("name")).isEqualTo("Léa Moreau");
    assertThat(access.getAudience()).containsExactly("ungis-platform");
    assertThat(access.getClaimAsString("scope"))
        .isEqualTo("contributions.read contributions.write openid processes.read profile");
    assertThat(access.getClaimAsString("iss")).isEqualTo(auth.issuer());

    Jwt id = jwks.decode(body.get("id_token").asString());
    assertThat(id.getSubject()).isEqualTo("lea.moreau@itu.int");
    assertThat(id.getAudience()).containsExactly("portal");
    assertThat(id.getClaimAsString("nonce")).isEqualTo("nonce-s1");
    assertThat(id.getClaimAsString("name")).isEqualTo("Léa Moreau");
    assertThat(id.getClaimAsString("email")).isEqualTo("lea.moreau@itu.int");
    assertThat(id.getClaimAsString("agency")).isEqualTo("ITU");
    assertThat(id.getClaimAsStringList("roles")).containsExactly("AGENCY");
    assertThat(id.getClaimAsString("locale")).isEqualTo("fr");
  }

  @Test
  void aReviewerSignsInOnAnArabicPageAndGetsReviewerTokens() {
    SignInFlow browser = browser();
    SignInFlow.Pkce pkce = SignInFlow.Pkce.generate();
    HttpResponse<String> authorize =
        browser.get(browser.authorizationUrl(ALL_SCOPES, "s2", pkce, Map.of("ui_locales", "ar")));
    HttpResponse<String> page = browser.get(SignInFlow.location(authorize));

    assertThat(page.body())
        .contains("<html lang=\"ar\" dir=\"rtl\">")
        .contains("<label for=\"username\">عنوان البريد الإلكتروني</label>");
    assertThat(page.headers().firstValue("Content-Language")).hasValue("ar");

    HttpResponse<String> signedIn =
        browser.submit(page, "karim.mansour@un.org", "desert-falcon", Map.of());
    String code =
        SignInFlow.queryParameter(
                SignInFlow.location(browser.get(SignInFlow.location(signedIn))), "code")
            .orElseThrow();
    JsonNode body = SignInFlow.json(browser.exchange(code, pkce.verifier()).body());

    Jwt access = jwks.decode(body.get("access_token").asString());
    assertThat(access.getClaimAsString("agency")).isEqualTo("UNESCWA");
    assertThat(access.getClaimAsStringList("roles")).containsExactly("REVIEWER");
    assertThat(access.getClaimAsString("principal")).isEqualTo("karim.mansour@un.org");
    assertThat(access.getClaimAsString("name")).isEqualTo("Karim Mansour");
    assertThat(access.getClaimAsString("scope"))
        .isEqualTo(
            "contributions.read openid processes.read processes.write profile reviews.read"
                + " reviews.write");
    Jwt id = jwks.decode(body.get("id_token").asString());
    assertThat(id.getClaimAsStringList("roles")).containsExactly("REVIEWER");
    assertThat(id.getClaimAsString("locale")).isEqualTo("ar");
  }

  @Test
  void theRefreshTokenGivesNewTokensForTheSamePersonOnce() {
    SignInFlow browser = browser();
    EmbeddedAuthServer.PersonTokens first =
        browser.signIn("wei.zhang@itu.int", "jade-bridge", ALL_SCOPES);

    HttpResponse<String> refreshed = browser.refresh(first.refreshToken());

    assertThat(refreshed.statusCode()).isEqualTo(200);
    JsonNode body = SignInFlow.json(refreshed.body());
    Jwt access = jwks.decode(body.get("access_token").asString());
    assertThat(access.getSubject()).isEqualTo("wei.zhang@itu.int");
    assertThat(access.getClaimAsString("agency")).isEqualTo("ITU");
    assertThat(access.getClaimAsStringList("roles")).containsExactly("REVIEWER");
    assertThat(access.getClaimAsString("scope")).contains("reviews.write");
    assertThat(body.get("refresh_token").asString()).isNotEqualTo(first.refreshToken());
    // Refresh tokens rotate: the one just used is spent.
    assertThat(browser.refresh(first.refreshToken()).statusCode()).isEqualTo(400);
  }

  @Test
  void aWrongPasswordShowsThePageAgainWithTheErrorAndTheEmailKept() {
    SignInFlow browser = browser();
    SignInFlow.Pkce pkce = SignInFlow.Pkce.generate();
    String authorizationUrl =
        browser.authorizationUrl(ALL_SCOPES, "s3", pkce, Map.of("ui_locales", "es"));
    HttpResponse<String> page = browser.get(SignInFlow.location(browser.get(authorizationUrl)));

    HttpResponse<String> refused =
        browser.submit(
            page, "maria.gonzalez@undp.org", "not-her-password", Map.of("ui_locales", "es"));
    assertThat(refused.statusCode()).isEqualTo(302);
    assertThat(SignInFlow.location(refused))
        .isEqualTo(auth.issuer() + "/login?error&ui_locales=es");

    HttpResponse<String> again = browser.get(SignInFlow.location(refused));
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body())
        .contains("<html lang=\"es\" dir=\"ltr\">")
        .contains("<title>Error: Iniciar sesión – UNGIS</title>")
        .contains("role=\"alert\"")
        .contains("<h2 id=\"error-summary-title\">Hay un problema</h2>")
        .contains("<a href=\"#username\">El correo electrónico o la contraseña no son correctos.")
        .contains("value=\"maria.gonzalez@undp.org\"")
        .contains("aria-invalid=\"true\" aria-describedby=\"sign-in-error\"");
    // Still not signed in: the authorization request goes to the sign-in page again.
    assertThat(SignInFlow.location(browser.get(authorizationUrl))).contains("/login");
    // The right password on the page shown again signs her in.
    HttpResponse<String> signedIn =
        browser.submit(again, "maria.gonzalez@undp.org", "coral-mesa", Map.of());
    assertThat(SignInFlow.location(browser.get(SignInFlow.location(signedIn))))
        .startsWith(PORTAL_REDIRECT + "?code=");
  }

  @Test
  void repeatedWrongPasswordsMakeThePersonWaitAndThePageSaysHowLongInTheirLanguage() {
    SignInFlow browser = browser();
    SignInFlow.Pkce pkce = SignInFlow.Pkce.generate();
    String authorizationUrl =
        browser.authorizationUrl(ALL_SCOPES, "s5", pkce, Map.of("ui_locales", "ru"));
    HttpResponse<String> page = browser.get(SignInFlow.location(browser.get(authorizationUrl)));
    for (int i = 0; i < FailedAttempts.FREE; i++) {
      HttpResponse<String> refused =
          browser.submit(
              page, "ngozi.adeyemi@unesco.org", "guess-" + i, Map.of("ui_locales", "ru"));
      assertThat(SignInFlow.location(refused)).endsWith("/login?error&ui_locales=ru");
      page = browser.get(SignInFlow.location(refused));
    }

    HttpResponse<String> slowed =
        browser.submit(
            page, "ngozi.adeyemi@unesco.org", "amber-compass", Map.of("ui_locales", "ru"));
    assertThat(slowed.statusCode()).isEqualTo(302);
    assertThat(SignInFlow.location(slowed))
        .as("even the right password waits")
        .isEqualTo(auth.issuer() + "/login?wait=1&ui_locales=ru");

    HttpResponse<String> waitPage = browser.get(SignInFlow.location(slowed));
    assertThat(waitPage.statusCode()).isEqualTo(200);
    assertThat(waitPage.body())
        .contains("<html lang=\"ru\" dir=\"ltr\">")
        .contains("role=\"alert\"")
        .contains("Подождите 1 с и попробуйте еще раз.")
        .contains("value=\"ngozi.adeyemi@unesco.org\"")
        .doesNotContain("Неверный адрес");

    // The owner is not locked out: once the second has passed, the right password signs her in.
    AtomicReference<HttpResponse<String>> last = new AtomicReference<>(waitPage);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              HttpResponse<String> attempt =
                  browser.submit(last.get(), "ngozi.adeyemi@unesco.org", "amber-compass", Map.of());
              if (SignInFlow.location(attempt).contains("/login?")) {
                last.set(browser.get(SignInFlow.location(attempt)));
                return false;
              }
              return SignInFlow.location(browser.get(SignInFlow.location(attempt)))
                  .startsWith(PORTAL_REDIRECT + "?code=");
            });
  }

  @Test
  void anAuthorizationRequestWithoutACodeChallengeIsRefused() {
    SignInFlow browser = browser();
    browser.signIn("sarah.mitchell@undp.org", "silver-harbour", ALL_SCOPES);

    HttpResponse<String> withoutPkce =
        browser.get(browser.authorizationUrl(ALL_SCOPES, "s4", null, Map.of()));

    assertThat(withoutPkce.statusCode()).isEqualTo(302);
    String redirect = SignInFlow.location(withoutPkce);
    assertThat(redirect).startsWith(PORTAL_REDIRECT + "?");
    assertThat(SignInFlow.queryParameter(redirect, "error")).contains("invalid_request");
    assertThat(SignInFlow.queryParameter(redirect, "code")).isEmpty();
  }

  @Test
  void aFocalPointAskingForReviewsWriteDoesNotGetIt() {
    EmbeddedAuthServer.PersonTokens tokens =
        browser().signIn("layla.haddad@un.org", "cedar-olive", "openid reviews.write reviews.read");

    assertThat(tokens.scope()).isEqualTo("openid");
    Jwt access = jwks.decode(tokens.accessToken());
    assertThat(access.getClaimAsString("scope")).isEqualTo("openid");
    assertThat(access.getClaimAsStringList("roles")).containsExactly("AGENCY");
  }

  @Test
  void theSignInPageFollowsTheBrowserLanguageAndDefaultsToEnglish() {
    SignInFlow browser = browser();

    HttpResponse<String> spanish =
        browser.get(auth.issuer() + "/login", "Accept-Language", "es-MX,es;q=0.9,en;q=0.5");
    HttpResponse<String> chinese =
        browser.get(auth.issuer() + "/login", "Accept-Language", "zh-Hans-CN");
    HttpResponse<String> german = browser.get(auth.issuer() + "/login", "Accept-Language", "de");

    assertThat(spanish.body()).contains("<html lang=\"es\" dir=\"ltr\">");
    assertThat(chinese.body()).contains("<html lang=\"zh\" dir=\"ltr\">").contains("登录");
    assertThat(german.body())
        .contains("<html lang=\"en\" dir=\"ltr\">")
        .contains("<label for=\"username\">Email address</label>")
        .contains("<a href=\"/login?ui_locales=ar\" hreflang=\"ar\" lang=\"ar\" dir=\"rtl\">");
    assertThat(german.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp).startsWith("default-src 'none'; style-src"));
  }

  @Test
  void signingOutEndsTheSessionAndReturnsToThePortal() {
    SignInFlow browser = browser();
    EmbeddedAuthServer.PersonTokens tokens =
        browser.signIn("olivier.dubois@unesco.org", "violet-atlas", ALL_SCOPES);

    HttpResponse<String> logout =
        browser.get(
            auth.issuer()
                + "/connect/logout?id_token_hint="
                + tokens.idToken()
                + "&post_logout_redirect_uri=http://localhost:8080/&state=bye");

    assertThat(logout.statusCode()).isEqualTo(302);
    assertThat(SignInFlow.location(logout)).isEqualTo("http://localhost:8080/?state=bye");
    HttpResponse<String> next =
        browser.get(
            browser.authorizationUrl(ALL_SCOPES, "s5", SignInFlow.Pkce.generate(), Map.of()));
    assertThat(SignInFlow.location(next)).isEqualTo(auth.issuer() + "/login");
  }

  @Test
  void userInfoAndDiscoveryServeTheClient() {
    SignInFlow browser = browser();
    EmbeddedAuthServer.PersonTokens tokens =
        browser.signIn("elena.petrova@unctad.org", "quiet-birch", ALL_SCOPES);

    HttpResponse<String> userInfo =
        browser.get(auth.issuer() + "/userinfo", "Authorization", "Bearer " + tokens.accessToken());
    JsonNode discovery =
        SignInFlow.json(browser.get(auth.issuer() + "/.well-known/openid-configuration").body());

    assertThat(userInfo.statusCode()).isEqualTo(200);
    JsonNode claims = SignInFlow.json(userInfo.body());
    assertThat(claims.get("sub").asString()).isEqualTo("elena.petrova@unctad.org");
    assertThat(claims.get("agency").asString()).isEqualTo("UNCTAD");
    assertThat(claims.get("locale").asString()).isEqualTo("ru");
    assertThat(discovery.get("authorization_endpoint").asString())
        .isEqualTo(auth.issuer() + "/oauth2/authorize");
    assertThat(discovery.get("end_session_endpoint").asString())
        .isEqualTo(auth.issuer() + "/connect/logout");
    assertThat(discovery.get("code_challenge_methods_supported").get(0).asString())
        .isEqualTo("S256");
  }

  @Test
  void aLoopbackIpRedirectUriMayUseAnyPort() {
    SignInFlow portalOnAnotherPort =
        new SignInFlow(
            auth.issuer(),
            "portal",
            "portal-secret",
            "http://127.0.0.1:18181/login/oauth2/code/ungis");

    EmbeddedAuthServer.PersonTokens tokens =
        portalOnAnotherPort.signIn("priya.raman@un.org", "lotus-monsoon", ALL_SCOPES);

    assertThat(jwks.decode(tokens.accessToken()).getClaimAsString("agency")).isEqualTo("UNESCAP");
  }

  @Test
  void thePortalsRedirectUrisAndSecretAreSettings() {
    try (EmbeddedAuthServer other =
        EmbeddedAuthServer.start(
            Map.of(
                "ungis.auth.portal.redirect-uris", "http://localhost:18282/callback",
                "ungis.auth.portal.client-secret", "another-secret"))) {
      EmbeddedAuthServer.PersonTokens tokens =
          other.signIn("tomas.herrera@unctad.org", "copper-sierra", "openid reviews.write");
      SignInFlow defaultUri =
          new SignInFlow(other.issuer(), "portal", "another-secret", PORTAL_REDIRECT);

      assertThat(tokens.scope()).isEqualTo("openid reviews.write");
      assertThat(
              defaultUri
                  .get(
                      defaultUri.authorizationUrl(
                          ALL_SCOPES, "s7", SignInFlow.Pkce.generate(), Map.of()))
                  .statusCode())
          .isEqualTo(400);
    }
  }

  @Test
  void anUnregisteredRedirectUriIsNotFollowed() {
    SignInFlow stranger =
        new SignInFlow(auth.issuer(), "portal", "portal-secret", "https://evil.example/callback");

    HttpResponse<String> response =
        stranger.get(
            stranger.authorizationUrl(ALL_SCOPES, "s6", SignInFlow.Pkce.generate(), Map.of()));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Location")).isEmpty();
  }
}
