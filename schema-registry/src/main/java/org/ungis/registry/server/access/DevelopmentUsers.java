package org.ungis.registry.server.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The development users, whose passwords everyone can read in this repository, and the rule that
 * keeps them out of production: without {@code ungis.registry.development=true} the registry does
 * not start while any configured user has one of their passwords, or while no user is configured at
 * all (nobody could register a schema).
 */
public final class DevelopmentUsers {

  /** The services' user: registers schemas. */
  public static final String SERVICES_USER_INFO = "ungis-services:ungis-services-secret";

  /** The operators' user: deletes, global config and mode. */
  public static final String ADMIN_USER_INFO = "registry-admin:registry-admin-secret";

  private static final Map<String, Role> ROLES =
      Map.of(SERVICES_USER_INFO, Role.WRITER, ADMIN_USER_INFO, Role.ADMIN);

  private DevelopmentUsers() {}

  /**
   * The users the registry accepts: the configured ones, plus the development users when the flag
   * is set.
   *
   * @throws IllegalStateException outside development, when a user has a development password or no
   *     user is configured
   */
  static Map<String, AccessSettings.User> users(AccessSettings settings, PasswordEncoder encoder) {
    Map<String, AccessSettings.User> users = new LinkedHashMap<>(settings.users());
    if (settings.development()) {
      ROLES.forEach(
          (userInfo, role) -> {
            String[] parts = userInfo.split(":", 2);
            users.putIfAbsent(parts[0], new AccessSettings.User("{noop}" + parts[1], role));
          });
      return users;
    }
    if (users.isEmpty()) {
      throw new IllegalStateException(
          "The schema registry has no users: set ungis.registry.users (password hashes and roles,"
              + " see docs/operator.md), or ungis.registry.development=true for the development"
              + " users");
    }
    List<String> refused = new ArrayList<>();
    users.forEach(
        (name, user) -> {
          for (String userInfo : ROLES.keySet()) {
            String password = userInfo.split(":", 2)[1];
            if (user.password() != null && encoder.matches(password, user.password())) {
              refused.add("ungis.registry.users." + name);
            }
          }
        });
    if (!refused.isEmpty()) {
      throw new IllegalStateException(
          "The schema registry refuses the development passwords of "
              + String.join(", ", refused)
              + " outside development: set hashes of your own passwords, or"
              + " ungis.registry.development=true");
    }
    return users;
  }
}
