package org.ungis.contributions.contribution;

/** Port: makes a change durable (the messaging adapter writes it to Kafka). */
public interface ContributionEvents {

  /**
   * Publishes the change and returns once it is durable.
   *
   * @param idempotency the client's idempotency key for a submission, or null
   * @throws RefusedException with {@link Refusal#UNAVAILABLE} when it cannot be made durable
   */
  void publish(ContributionChange change, IdempotentRequest idempotency);
}
