package org.ungis.benchmarks;

import java.util.Map;

/**
 * Serde settings for writing through the registry, which takes writes from a writer only: the user
 * info of {@code UNGIS_REGISTRY_USER_INFO}, or the local stack's development writer, as the
 * services do.
 */
final class RegistryCredentials {

  private RegistryCredentials() {}

  static Map<String, String> writer(String registryUrl) {
    String userInfo = System.getenv("UNGIS_REGISTRY_USER_INFO");
    return Map.of(
        "schema.registry.url",
        registryUrl,
        "basic.auth.credentials.source",
        "USER_INFO",
        "basic.auth.user.info",
        userInfo == null || userInfo.isBlank() ? "ungis-services:ungis-services-secret" : userInfo);
  }
}
