package org.ungis.review.review;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.command.RememberedRequest;

/** Outbound port: the review items as the topics left them, and the calls they belong to. */
public interface ReviewViews {

  /** A contribution's review item, from the instance that owns it. */
  Optional<ReviewItem> item(String contributionId);

  /**
   * The item once it satisfies a condition, waiting (bounded) for the view to catch up; the item as
   * it is when the time is up, if any.
   */
  Optional<ReviewItem> itemWhen(
      String contributionId, Predicate<ReviewItem> ready, Duration timeout);

  /** The review items of this instance's partitions (all of them with one instance). */
  List<ReviewItem> items();

  /** A call wherever it lives, waiting up to {@code wait} for one opened a moment ago. */
  Optional<CallForInputs> anyCall(String processId, Duration wait);

  /** A request with an Idempotency-Key that recorded a decision, by {@code agency/key}. */
  Optional<RememberedRequest> decisionRequest(String storeKey);
}
