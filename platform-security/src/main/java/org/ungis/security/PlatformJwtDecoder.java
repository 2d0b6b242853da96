package org.ungis.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerProperties;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;

/**
 * Builds the service's {@link JwtDecoder} from Spring Boot's standard settings ({@code
 * spring.security.oauth2.resourceserver.jwt.*}), like Boot does, plus the platform's audience
 * check. The library declares its own decoder (rather than relying on Boot's) so that no other
 * auto-configuration on a test classpath, e.g. the authorization server's, can slip a decoder with
 * a different key in.
 *
 * <ul>
 *   <li>{@code jwk-set-uri}: keys from that URL; the issuer is checked when {@code issuer-uri} is
 *       set too. The service starts without contacting the issuer.
 *   <li>{@code issuer-uri} alone: keys found through OIDC discovery, on the first request (so the
 *       service may start before the authorization server).
 *   <li>{@code public-key-location}: a fixed RSA public key (PEM); the issuer is checked when
 *       {@code issuer-uri} is set too.
 * </ul>
 */
final class PlatformJwtDecoder {

  private PlatformJwtDecoder() {}

  static JwtDecoder create(
      OAuth2ResourceServerProperties.Jwt jwt,
      String audience,
      UngisSecurityProperties.TokenCache cache) {
    OAuth2TokenValidator<Jwt> validator = validator(jwt, blankToNull(jwt.getIssuerUri()), audience);
    JwtDecoder verifier = verifier(jwt, validator);
    if (cache.maxEntries() <= 0 || cache.ttl().isZero()) {
      return verifier;
    }
    return new VerifiedTokenCache(
        verifier, validator, cache.ttl(), cache.maxEntries(), Clock.systemUTC());
  }

  private static JwtDecoder verifier(
      OAuth2ResourceServerProperties.Jwt jwt, OAuth2TokenValidator<Jwt> validator) {
    String issuer = blankToNull(jwt.getIssuerUri());
    String jwkSetUri = blankToNull(jwt.getJwkSetUri());
    if (jwkSetUri != null) {
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
              .jwsAlgorithms(algorithms -> algorithms.addAll(algorithms(jwt)))
              .build();
      decoder.setJwtValidator(validator);
      return decoder;
    }
    if (jwt.getPublicKeyLocation() != null) {
      List<SignatureAlgorithm> algorithms = algorithms(jwt);
      if (algorithms.size() != 1) {
        throw new IllegalStateException(
            "public-key-location needs exactly one jws-algorithms entry, not " + algorithms);
      }
      NimbusJwtDecoder decoder =
          NimbusJwtDecoder.withPublicKey(publicKey(jwt))
              .signatureAlgorithm(algorithms.get(0))
              .build();
      decoder.setJwtValidator(validator);
      return decoder;
    }
    if (issuer != null) {
      return new SupplierJwtDecoder(
          () -> {
            NimbusJwtDecoder decoder = NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
          });
    }
    throw new IllegalStateException(
        "platform-security needs to know whom to trust: set"
            + " spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri, or"
            + " public-key-location), or switch the library off with ungis.security.enabled=false");
  }

  private static OAuth2TokenValidator<Jwt> validator(
      OAuth2ResourceServerProperties.Jwt jwt, String issuer, String audience) {
    List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
    validators.add(new JwtTimestampValidator());
    if (issuer != null) {
      validators.add(new JwtIssuerValidator(issuer));
    }
    validators.add(new AudienceValidator(audience));
    List<String> alsoRequired = jwt.getAudiences();
    if (alsoRequired != null && !alsoRequired.isEmpty()) {
      validators.add(
          new JwtClaimValidator<List<String>>(
              JwtClaimNames.AUD,
              aud -> aud != null && aud.stream().anyMatch(alsoRequired::contains)));
    }
    return new DelegatingOAuth2TokenValidator<>(validators);
  }

  private static List<SignatureAlgorithm> algorithms(OAuth2ResourceServerProperties.Jwt jwt) {
    List<SignatureAlgorithm> algorithms = new ArrayList<>();
    for (String name : jwt.getJwsAlgorithms()) {
      SignatureAlgorithm algorithm = SignatureAlgorithm.from(name);
      if (algorithm == null) {
        throw new IllegalStateException(
            "unknown spring.security.oauth2.resourceserver.jwt.jws-algorithms entry " + name);
      }
      algorithms.add(algorithm);
    }
    return algorithms;
  }

  private static RSAPublicKey publicKey(OAuth2ResourceServerProperties.Jwt jwt) {
    try {
      String pem =
          jwt.readPublicKey()
              .replace("-----BEGIN PUBLIC KEY-----", "")
              .replace("-----END PUBLIC KEY-----", "");
      return (RSAPublicKey)
          KeyFactory.getInstance("RSA")
              .generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder().decode(pem.trim())));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + jwt.getPublicKeyLocation(), e);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException(
          jwt.getPublicKeyLocation() + " holds no RSA public key in PEM", e);
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
