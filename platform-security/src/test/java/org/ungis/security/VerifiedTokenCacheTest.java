package org.ungis.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** Remembering verified tokens must never let through a token the full check would refuse. */
class VerifiedTokenCacheTest {

  static final TestKeys KEYS = TestKeys.generate();
  static final TestKeys OTHER_KEYS = TestKeys.generate();

  /** A clock the test moves forward. */
  static final class MovableClock extends Clock {
    Instant now = Instant.now().plusSeconds(5); // ahead of the tokens minted during a test

    @Override
    public ZoneId getZone() {
      return ZoneId.of("UTC");
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final MovableClock clock = new MovableClock();
  final AtomicInteger verifications = new AtomicInteger();
  final OAuth2TokenValidator<Jwt> validator = validator(clock);

  VerifiedTokenCache cache(Duration ttl, int maxEntries) {
    NimbusJwtDecoder nimbus = NimbusJwtDecoder.withPublicKey(KEYS.publicKey()).build();
    nimbus.setJwtValidator(validator);
    JwtDecoder counting =
        token -> {
          verifications.incrementAndGet();
          return nimbus.decode(token);
        };
    return new VerifiedTokenCache(counting, validator, ttl, maxEntries, clock);
  }

  static OAuth2TokenValidator<Jwt> validator(Clock clock) {
    JwtTimestampValidator timestamps = new JwtTimestampValidator(Duration.ZERO);
    timestamps.setClock(clock);
    return new DelegatingOAuth2TokenValidator<>(
        timestamps, new AudienceValidator("ungis-platform"));
  }

  @Test
  void aTokenSentAgainIsNotVerifiedAgainAndYieldsTheSameClaims() {
    VerifiedTokenCache decoder = cache(Duration.ofMinutes(5), 100);
    String token = KEYS.token();

    Jwt first = decoder.decode(token);
    Jwt second = decoder.decode(token);

    assertThat(verifications).hasValue(1);
    assertThat(second.getClaimAsString("agency")).isEqualTo("ITU");
    assertThat(second.getTokenValue()).isEqualTo(first.getTokenValue());
  }

  @Test
  void aRememberedTokenIsRefusedOnceItHasExpired() {
    VerifiedTokenCache decoder = cache(Duration.ofHours(1), 100);
    String token = KEYS.token(claims -> claims.expiresAt(clock.now.plusSeconds(60)));
    decoder.decode(token);

    clock.now = clock.now.plusSeconds(61);

    assertThatThrownBy(() -> decoder.decode(token))
        .isInstanceOf(JwtException.class)
        .hasMessageContaining("expired");
  }

  @Test
  void aTokenIsVerifiedAgainAfterTheTimeToLiveSoAWithdrawnKeyStopsBeingHonoured() {
    VerifiedTokenCache decoder = cache(Duration.ofMinutes(5), 100);
    String token = KEYS.token();
    decoder.decode(token);

    clock.now = clock.now.plus(Duration.ofMinutes(5));
    decoder.decode(token);

    assertThat(verifications).hasValue(2);
  }

  @Test
  void aForgedTokenIsRefusedEveryTimeAndNeverRemembered() {
    VerifiedTokenCache decoder = cache(Duration.ofMinutes(5), 100);
    String forged = OTHER_KEYS.token();

    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> decoder.decode(forged)).isInstanceOf(JwtException.class);
    }
    assertThat(verifications).hasValue(2);
    assertThat(decoder.size()).isZero();
  }

  @Test
  void theCacheNeverHoldsMoreThanItsLimit() {
    VerifiedTokenCache decoder = cache(Duration.ofMinutes(5), 3);

    for (int i = 0; i < 10; i++) {
      int n = i;
      decoder.decode(KEYS.token(claims -> claims.claim("principal", "p" + n)));
      assertThat(decoder.size()).isLessThanOrEqualTo(3);
    }
  }
}
