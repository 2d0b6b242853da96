package org.ungis.schemas;

import java.util.List;
import java.util.Optional;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.events.notification.WebhookSubscriptionEvent;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.ReviewEvent;

/** The catalogue of every topic of the platform. Code never spells a topic name anywhere else. */
public final class Topics {

  /** Submitted, revised and withdrawn contributions; key = contribution id. */
  public static final Topic<ContributionEvent> CONTRIBUTIONS =
      new Topic<>(
          "ungis.contributions.v1",
          "contributions-service",
          ContributionEvent.class,
          3,
          false,
          null,
          "BACKWARD");

  /** Calls for inputs opened, closed and extended; key = process id; compacted snapshots. */
  public static final Topic<CallForInputsEvent> PROCESSES =
      new Topic<>(
          "ungis.processes.v1",
          "review-service",
          CallForInputsEvent.class,
          3,
          true,
          null,
          "BACKWARD");

  /** Review decisions and refused decisions; key = contribution id. */
  public static final Topic<ReviewEvent> REVIEWS =
      new Topic<>(
          "ungis.reviews.v1", "review-service", ReviewEvent.class, 3, false, null, "BACKWARD");

  /** Published record editions (key = process id) and entries (key = process id/contribution). */
  public static final Topic<RecordEvent> RECORDS =
      new Topic<>(
          "ungis.records.v1",
          "publication-service",
          RecordEvent.class,
          3,
          true,
          null,
          "BACKWARD_TRANSITIVE");

  /**
   * The delivery log of notification-service: every notification (one event, one recipient, one
   * channel) as planned, sent, retrying or dead-lettered; key = notification id; compacted, so the
   * latest step of each notification is kept (and is its "sent" mark).
   */
  public static final Topic<NotificationEvent> NOTIFICATIONS =
      new Topic<>(
          "ungis.notifications.v1",
          "notification-service",
          NotificationEvent.class,
          3,
          true,
          null,
          "BACKWARD");

  /**
   * Integrators' webhook registrations (endpoint, event types, signing secret); key = subscription
   * id; compacted, so the latest value is the registration in force.
   */
  public static final Topic<WebhookSubscriptionEvent> WEBHOOKS =
      new Topic<>(
          "ungis.webhooks.v1",
          "notification-service",
          WebhookSubscriptionEvent.class,
          1,
          true,
          null,
          "BACKWARD");

  /** Every topic, in the order the workflow uses them. */
  public static final List<Topic<?>> ALL =
      List.of(CONTRIBUTIONS, PROCESSES, REVIEWS, RECORDS, NOTIFICATIONS, WEBHOOKS);

  /** The catalogue topic of that name, if there is one (a dead-letter topic is not). */
  public static Optional<Topic<?>> named(String name) {
    return ALL.stream().filter(topic -> topic.name().equals(name)).findFirst();
  }

  private Topics() {}
}
