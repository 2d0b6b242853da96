package org.ungis.auth;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ungis.reference.Person;

/**
 * What a person's tokens say they may do, by role, the same as a machine client of that kind: a
 * focal point acts as its agency ({@code roles = [AGENCY]}), a reviewer as a reviewer ({@code roles
 * = [REVIEWER]}); the scopes say which APIs the person's client may call for them.
 */
final class PersonAccess {

  /** Scopes of signing in itself, granted to everyone who asks. */
  static final Set<String> SIGN_IN_SCOPES = Set.of("openid", "profile");

  static final Set<String> FOCAL_POINT_SCOPES =
      Set.of("contributions.read", "contributions.write", "processes.read");

  static final Set<String> REVIEWER_SCOPES =
      Set.of(
          "processes.read",
          "processes.write",
          "reviews.read",
          "reviews.write",
          "contributions.read");

  private PersonAccess() {}

  /** The platform roles of a person ({@code roles} claim). */
  static List<String> roles(Person person) {
    return switch (person.role()) {
      case FOCAL_POINT -> List.of(PlatformClient.AGENCY_ROLE);
      case REVIEWER -> List.of(PlatformClient.REVIEWER_ROLE);
    };
  }

  /** Every scope a person may be granted, sign-in scopes included. */
  static Set<String> scopes(Person person) {
    Set<String> scopes = new TreeSet<>(SIGN_IN_SCOPES);
    scopes.addAll(
        switch (person.role()) {
          case FOCAL_POINT -> FOCAL_POINT_SCOPES;
          case REVIEWER -> REVIEWER_SCOPES;
        });
    return scopes;
  }

  /** Every scope any person may be granted: what a client signing people in may ask for. */
  static Set<String> allScopes() {
    Set<String> scopes = new TreeSet<>(SIGN_IN_SCOPES);
    scopes.addAll(FOCAL_POINT_SCOPES);
    scopes.addAll(REVIEWER_SCOPES);
    return scopes;
  }
}
