package org.ungis.contributions.contribution;

import java.time.Instant;
import java.util.UUID;

/** Something an agency did to its contribution; the messaging adapter publishes it. */
public sealed interface ContributionChange {

  Meta meta();

  String contributionId();

  String processId();

  String agency();

  int revision();

  /**
   * Who did it, when, under which event id.
   *
   * @param eventId unique id of the event
   * @param occurredAt when it happened
   * @param actor who acted
   */
  record Meta(UUID eventId, Instant occurredAt, Actor actor) {}

  /** A new contribution (revision 1). */
  record Submitted(
      Meta meta,
      String contributionId,
      String processId,
      String agency,
      int revision,
      Content content)
      implements ContributionChange {}

  /** A new revision of the text. */
  record Revised(
      Meta meta,
      String contributionId,
      String processId,
      String agency,
      int revision,
      Content content,
      String note)
      implements ContributionChange {}

  /** The agency took its contribution back. */
  record Withdrawn(
      Meta meta,
      String contributionId,
      String processId,
      String agency,
      int revision,
      String reason)
      implements ContributionChange {}
}
