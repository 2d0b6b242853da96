package org.ungis.contributions.contribution;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who acts: the member agency, the principal acting for it and the platform roles it holds.
 *
 * @param agency member code, e.g. {@code ITU}
 * @param principal the authenticated principal, e.g. {@code intake@itu.int}
 * @param roles what the actor may do: {@link Role#AGENCY} (intake of its own contributions) and/or
 *     {@link Role#REVIEWER} (reads every contribution)
 */
public record Actor(String agency, String principal, Set<Role> roles) {

  /** The platform roles that matter to this service. */
  public enum Role {
    /** A member agency's intake client: submits, revises, withdraws and reads its own inputs. */
    AGENCY,
    /** A person at a chair or vice-chair agency: reads every contribution and its history. */
    REVIEWER
  }

  public Actor {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(principal, "principal");
    roles = roles == null || roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
  }

  /** An agency's intake actor (role {@link Role#AGENCY}). */
  public Actor(String agency, String principal) {
    this(agency, principal, Set.of(Role.AGENCY));
  }

  public boolean isAgency() {
    return roles.contains(Role.AGENCY);
  }

  public boolean isReviewer() {
    return roles.contains(Role.REVIEWER);
  }
}
