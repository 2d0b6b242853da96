package org.ungis.review.call;

import java.util.List;
import java.util.Optional;
import org.ungis.review.command.RememberedRequest;

/** Outbound port: the calls for inputs as the published snapshots left them. */
public interface CallViews {

  /** A call, from the instance that owns it. */
  Optional<CallForInputs> call(String processId);

  /** Every call. */
  List<CallForInputs> calls();

  /** A request with an Idempotency-Key that changed a call, by {@code agency/key}. */
  Optional<RememberedRequest> callRequest(String storeKey);
}
