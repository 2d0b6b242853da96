package org.ungis.review.rules;

import java.util.Objects;

/**
 * Who acts: the member agency and the principal acting for it. Comes from the request today and
 * from the bearer token once access control lands; the domain never cares which.
 *
 * @param agency member code, e.g. {@code ITU}
 * @param principal the person or client acting, e.g. {@code jane.doe@itu.int}
 */
public record Actor(String agency, String principal) {
  public Actor {
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(principal, "principal");
  }
}
