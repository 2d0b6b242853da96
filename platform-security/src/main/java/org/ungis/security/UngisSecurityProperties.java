package org.ungis.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform's resource-server security ({@code ungis.security.*}). Where the tokens
 * come from is Spring Boot's own {@code spring.security.oauth2.resourceserver.jwt.issuer-uri} (or
 * {@code jwk-set-uri}, or {@code public-key-location}).
 *
 * @param enabled {@code false} switches this library off entirely; the service then configures
 *     security itself
 * @param audience the value the token's {@code aud} claim must contain
 * @param publicPaths extra request paths readable without a token, as path patterns ({@code
 *     /api/v1/records/**}), optionally prefixed with an HTTP method ({@code GET
 *     /api/v1/records/**})
 * @param scopes the scope each request needs, one rule a line, first match wins: {@code POST
 *     /api/v1/contributions/** contributions.write} (see {@link ScopeRule}); a request no rule
 *     matches needs a valid token only
 * @param realm the realm named in {@code WWW-Authenticate}
 * @param claims the names of the claims the actor is read from
 * @param tokenCache how verified tokens are remembered between requests
 * @param internal who may call the internal endpoints between instances
 */
@ConfigurationProperties("ungis.security")
public record UngisSecurityProperties(
    @DefaultValue("true") boolean enabled,
    @DefaultValue("ungis-platform") String audience,
    List<String> publicPaths,
    List<String> scopes,
    @DefaultValue("ungis") String realm,
    @DefaultValue Claims claims,
    @DefaultValue TokenCache tokenCache,
    @DefaultValue Internal internal) {

  public UngisSecurityProperties {
    publicPaths = publicPaths == null ? List.of() : List.copyOf(publicPaths);
    scopes = scopes == null ? List.of() : List.copyOf(scopes);
  }

  /**
   * Claim names, so that any OIDC provider can issue the platform's tokens. A name is looked up as
   * a top-level claim first; failing that, a dotted name walks nested objects ({@code
   * realm_access.roles}).
   *
   * @param agency the claim holding the member code
   * @param principal the claim holding a human-readable principal; {@code sub} when absent
   * @param roles the claim holding the roles, a list or a space/comma separated string
   */
  public record Claims(
      @DefaultValue("agency") String agency,
      @DefaultValue("principal") String principal,
      @DefaultValue("roles") String roles) {}

  /**
   * Tokens whose signature was verified are remembered, so that the next request with the same
   * token skips parsing and the RSA check (expiry, issuer and audience are still checked each
   * time).
   *
   * @param ttl the longest a token is remembered (it is forgotten at its expiry if sooner); a key
   *     withdrawn from the issuer's key set stops being honoured within this time
   * @param maxEntries the most tokens remembered; {@code 0} switches the cache off
   */
  public record TokenCache(
      @DefaultValue("5m") Duration ttl, @DefaultValue("10000") int maxEntries) {}

  /**
   * The internal endpoints that one instance of a service calls on another (platform-routing's
   * shares of a list): they need a valid token and this secret in the {@code X-Ungis-Internal}
   * header, which every instance of the platform is given and nobody outside.
   *
   * @param paths the path patterns of the internal endpoints
   * @param secret the instances' shared secret; unset, the internal endpoints answer nobody (fine
   *     for one instance, which never calls them)
   */
  public record Internal(@DefaultValue("/internal/**") List<String> paths, String secret) {

    @Override
    public String toString() {
      return "Internal[paths=" + paths + ", secret=" + (secret == null ? "unset" : "***") + "]";
    }
  }
}
