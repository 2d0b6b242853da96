package org.ungis.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * A {@link JwtDecoder} that remembers tokens whose signature it has verified. A client sends the
 * same bearer token with every request until it expires, and parsing it and checking its RSA
 * signature was the largest single cost of a request in the benchmark's profiles; a remembered
 * token is only validated again (expiry, issuer, audience), which is a few field comparisons.
 *
 * <p>A token is remembered until it expires or for {@code ttl}, whichever comes first, so a signing
 * key withdrawn from the issuer's key set stops being honoured within {@code ttl}. The cache holds
 * at most {@code maxEntries} tokens; when full, expired entries are dropped first, then all of them
 * (a burst of new tokens costs a verification each, never unbounded memory). A token that fails
 * verification is never remembered.
 */
final class VerifiedTokenCache implements JwtDecoder {

  private record Verified(Jwt jwt, Instant forgetAt) {}

  private final JwtDecoder verifier;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Duration ttl;
  private final int maxEntries;
  private final Clock clock;
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  VerifiedTokenCache(
      JwtDecoder verifier,
      OAuth2TokenValidator<Jwt> validator,
      Duration ttl,
      int maxEntries,
      Clock clock) {
    this.verifier = verifier;
    this.validator = validator;
    this.ttl = ttl;
    this.maxEntries = maxEntries;
    this.clock = clock;
  }

  @Override
  public Jwt decode(String token) throws JwtException {
    Instant now = clock.instant();
    Verified known = verified.get(token);
    if (known != null && now.isBefore(known.forgetAt())) {
      OAuth2TokenValidatorResult result = validator.validate(known.jwt());
      if (result.hasErrors()) {
        verified.remove(token, known);
        throw new JwtValidationException(
            result.getErrors().iterator().next().getDescription(), result.getErrors());
      }
      return known.jwt();
    }
    Jwt jwt = verifier.decode(token); // signature and every validator
    Instant forgetAt = now.plus(ttl);
    if (jwt.getExpiresAt() != null && jwt.getExpiresAt().isBefore(forgetAt)) {
      forgetAt = jwt.getExpiresAt();
    }
    if (verified.size() >= maxEntries) {
      evict(now);
    }
    verified.put(token, new Verified(jwt, forgetAt));
    return jwt;
  }

  int size() {
    return verified.size();
  }

  private void evict(Instant now) {
    for (Iterator<Verified> it = verified.values().iterator(); it.hasNext(); ) {
      if (!now.isBefore(it.next().forgetAt())) {
        it.remove();
      }
    }
    if (verified.size() >= maxEntries) {
      verified.clear();
    }
  }
}
