package org.ungis.publication.record;

import java.time.Instant;
import java.util.Objects;

/**
 * What a record says about its call for inputs.
 *
 * @param title title of the call
 * @param description description, may be empty
 * @param deadline submission deadline
 */
public record CallInfo(String title, String description, Instant deadline) {

  public CallInfo {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(deadline, "deadline");
    description = description == null ? "" : description;
  }
}
