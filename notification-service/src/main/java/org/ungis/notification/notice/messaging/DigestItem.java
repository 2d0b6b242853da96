package org.ungis.notification.notice.messaging;

import java.time.LocalDate;
import org.ungis.notification.notice.Kind;
import org.ungis.notification.notice.Notice;
import org.ungis.reference.Person;

/**
 * A notice waiting for its recipient's daily digest, as the {@code digest} store keeps it (JSON).
 *
 * @param email the recipient
 * @param day the day (UTC) of the event, whose digest lists it
 */
record DigestItem(
    String email,
    String day,
    String sourceId,
    String kind,
    String processId,
    String title,
    String contributionId,
    String agency,
    Integer number) {

  static DigestItem of(Notice notice, LocalDate day) {
    Notice.Facts facts = notice.facts();
    return new DigestItem(
        notice.recipient().email(),
        day.toString(),
        notice.sourceId(),
        notice.kind().name(),
        facts.processId(),
        facts.title(),
        facts.contributionId(),
        facts.agency(),
        facts.number());
  }

  /** The store's key: by person, then day, then event, so one person's day is one range. */
  String key() {
    return email + "|" + day + "|" + sourceId;
  }

  Notice notice(Person recipient) {
    return new Notice(
        sourceId,
        Kind.valueOf(kind),
        recipient,
        new Notice.Facts(processId, title, contributionId, agency, null, null, number));
  }
}
