package org.ungis.notification.notice;

import java.time.Instant;
import java.util.Objects;
import org.ungis.reference.Person;

/**
 * One thing to tell one person.
 *
 * @param sourceId the event (or reminder) told of: with the recipient, it names the notice, so the
 *     same notice planned twice is sent once
 * @param kind what is told
 * @param recipient who is told
 * @param facts what the text says
 */
public record Notice(String sourceId, Kind kind, Person recipient, Facts facts) {

  public Notice {
    Objects.requireNonNull(sourceId, "sourceId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(facts, "facts");
  }

  /**
   * What a notice's text says; any of it may be {@code null} where the kind does not use it.
   *
   * @param processId the call for inputs
   * @param title the call's title, or the input's title
   * @param contributionId the input, if the notice is about one
   * @param agency the agency the notice is about
   * @param deadline a deadline
   * @param comment the reviewer's comment
   * @param number a revision, an edition, or a number of days
   */
  public record Facts(
      String processId,
      String title,
      String contributionId,
      String agency,
      Instant deadline,
      String comment,
      Integer number) {}

  /** The portal's page about it, relative to the portal's base URL. */
  public String page() {
    if (kind == Kind.DAILY_DIGEST) {
      return ""; // the portal's start page, with the reviewer's queue
    }
    if (facts.contributionId() != null) {
      return "contributions/" + facts.contributionId();
    }
    if (kind == Kind.RECORD_FINAL || kind == Kind.CORRIGENDUM) {
      return "records/" + facts.processId();
    }
    return "calls/" + facts.processId();
  }
}
