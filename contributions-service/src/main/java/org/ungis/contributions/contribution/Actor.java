package org.ungis.contributions.contribution;

import java.util.Objects;

/**
 * Who acts: the member agency and the principal acting for it.
 *
 * @param agency member code, e.g. {@code ITU}
 * @param principal the authenticated principal, e.g. {@code jane.doe@itu.int}
 */
public record Actor(String agency, String principal) {
  public Actor {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(principal, "principal");
  }
}
