package org.ungis.registry.server.access;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the registry ({@code ungis.registry.*}).
 *
 * @param development adds the development users ({@link DevelopmentUsers}); without it the registry
 *     refuses to start while a configured user has a development password
 * @param openReads whether reads (GET, look-ups, compatibility checks) need no credentials
 * @param users each user's password hash ({@code {bcrypt}...}, any Spring Security encoding) and
 *     role
 */
@ConfigurationProperties("ungis.registry")
public record AccessSettings(
    @DefaultValue("false") boolean development,
    @DefaultValue("true") boolean openReads,
    Map<String, User> users) {

  public AccessSettings {
    users = users == null ? Map.of() : Map.copyOf(users);
  }

  /**
   * One registry user.
   *
   * @param password the password hash, with its encoding prefix ({@code {bcrypt}$2a$...})
   * @param role what the user may do
   */
  public record User(String password, Role role) {}
}
