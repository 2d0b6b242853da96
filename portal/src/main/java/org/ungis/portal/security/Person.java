package org.ungis.portal.security;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The signed-in person, as the pages show them: from the claims of their tokens ({@code name},
 * {@code principal}, {@code agency}, {@code roles}; the ID token's {@code locale}).
 *
 * @param name the person's name
 * @param email the person's email ({@code principal})
 * @param agency the member code of their agency
 * @param roles {@code AGENCY} (a focal point), {@code REVIEWER} (chair or vice-chair)
 * @param locale the language the person prefers, if the provider says
 */
public record Person(String name, String email, String agency, List<String> roles, String locale) {

  public static final String AGENCY = "AGENCY";
  public static final String REVIEWER = "REVIEWER";

  public boolean focalPoint() {
    return roles.contains(AGENCY);
  }

  public boolean reviewer() {
    return roles.contains(REVIEWER);
  }

  /** The person behind a signed-in session, or null when anonymous. */
  public static Person of(Authentication authentication) {
    if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser user)) {
      return null;
    }
    return of(user.getClaims());
  }

  static Person of(Map<String, Object> claims) {
    String email =
        text(claims.get("principal"), text(claims.get("email"), text(claims.get("sub"), "")));
    String name = text(claims.get("name"), email);
    return new Person(
        name,
        email,
        text(claims.get("agency"), ""),
        roles(claims.get("roles")),
        text(claims.get("locale"), null));
  }

  private static String text(Object value, String fallback) {
    return value == null || value.toString().isBlank() ? fallback : value.toString();
  }

  private static List<String> roles(Object value) {
    if (value instanceof Collection<?> many) {
      return many.stream().map(Object::toString).toList();
    }
    if (value instanceof String one && !one.isBlank()) {
      return List.of(one.split("[ ,]+"));
    }
    return List.of();
  }
}
