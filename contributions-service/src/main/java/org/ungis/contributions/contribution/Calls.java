package org.ungis.contributions.contribution;

import java.util.Optional;

/** Port: the calls for inputs published by review-service. */
public interface Calls {
  Optional<Call> find(String processId);
}
