package org.ungis.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.Resource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The development credentials, which everyone can read in this repository, and the rule that keeps
 * them out of production: without {@code ungis.auth.development=true} the server does not start
 * while the portal's secret is {@code portal-secret}, people's passwords come from the bundled
 * {@code dev-people.yml}, or no file of machine-client secrets is given; and a machine client then
 * has only the secret that file gives it.
 */
final class DevelopmentSecrets {

  static final String PORTAL_SECRET = "portal-secret";
  static final String DEVELOPMENT_PEOPLE = "dev-people.yml";

  private DevelopmentSecrets() {}

  /**
   * Refuses the settings unless they are for development or name no development credential.
   *
   * @throws IllegalStateException naming each development credential in use and how to replace it
   */
  static void refuseInProduction(AuthServerSettings settings) {
    if (settings.development()) {
      return;
    }
    List<String> found = new ArrayList<>();
    String portal = settings.portal().clientSecret();
    if (portal == null || portal.isBlank() || portal.equals(PORTAL_SECRET)) {
      found.add(
          "the portal's client secret is the development one (set ungis.auth.portal.client-secret)");
    }
    Resource people = settings.peoplePasswords();
    if (people == null || DEVELOPMENT_PEOPLE.equals(people.getFilename())) {
      found.add(
          "people's passwords are the development ones of "
              + DEVELOPMENT_PEOPLE
              + " (set ungis.auth.people-passwords to a file of your own)");
    }
    if (settings.clientSecrets() == null) {
      found.add(
          "the machine clients have their development secrets <client id>-secret (set"
              + " ungis.auth.client-secrets to a file of your own)");
    }
    if (!found.isEmpty()) {
      throw new IllegalStateException(
          "The authorization server does not start with development credentials outside"
              + " development: "
              + String.join("; ", found)
              + ". For the local stack and tests only, set ungis.auth.development=true.");
    }
  }

  /**
   * The secret a machine client authenticates with ({@code {noop}...} or a hash naming its
   * algorithm): the one the secrets file gives it, else its development secret in development, else
   * none (it is not registered).
   */
  static Optional<String> secretOf(
      PlatformClient client, Map<String, String> fromFile, boolean development) {
    String configured = fromFile.get(client.clientId());
    if (configured != null) {
      return Optional.of(configured.startsWith("{") ? configured : "{noop}" + configured);
    }
    return development ? Optional.of("{noop}" + client.secret()) : Optional.empty();
  }

  record SecretsFile(Map<String, String> secrets) {
    SecretsFile {
      secrets = secrets == null ? Map.of() : Map.copyOf(secrets);
    }
  }

  /** The machine clients' secrets ({@code secrets: {client id: secret}}); none without a file. */
  static Map<String, String> load(Resource file) {
    if (file == null) {
      return Map.of();
    }
    try (InputStream in = file.getInputStream()) {
      return YAMLMapper.builder()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build()
          .readValue(in, SecretsFile.class)
          .secrets();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the machine clients' secrets from " + file, e);
    }
  }
}
