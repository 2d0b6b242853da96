package org.ungis.reference;

import java.util.Objects;

/**
 * A member body of UNGIS.
 *
 * @param code stable upper-case code used in events and tokens, e.g. {@code UNESCWA}
 * @param name full name, as printed in published records
 */
public record Member(String code, String name) {
  public Member {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(name, "name");
  }
}
