package org.ungis.notification.notice.messaging;

import java.time.Instant;
import java.util.UUID;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.notification.Channel;
import org.ungis.events.notification.DeliveryStatus;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.notification.notice.Letter;
import org.ungis.notification.notice.Letters;
import org.ungis.notification.notice.Notice;

/** Notices as records of {@code ungis.notifications.v1}, and each later step of their delivery. */
final class NotificationRecords {

  static final Actor SERVICE = new Actor("UNGIS", "notification-service", ActorRole.SYSTEM);

  private NotificationRecords() {}

  /** The id of a notice on a channel: the key of its records and of de-duplication. */
  static String idOf(String sourceId, Channel channel, String recipient) {
    return sourceId + "/" + channel + "/" + recipient;
  }

  /** A notice decided and written, to be delivered by e-mail. */
  static NotificationEvent planned(Notice notice, Letters letters, Instant now) {
    Letter letter = letters.write(notice);
    String recipient = notice.recipient().email();
    return NotificationEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(now)
        .setActor(SERVICE)
        .setNotificationId(idOf(notice.sourceId(), Channel.EMAIL, recipient))
        .setSourceEventId(notice.sourceId())
        .setKind(notice.kind().name())
        .setChannel(Channel.EMAIL)
        .setRecipient(recipient)
        .setStatus(DeliveryStatus.PLANNED)
        .setPlannedAt(now)
        .setAttempts(0)
        .setLanguage(letter.language())
        .setSubject(letter.subject())
        .setText(letter.text())
        .setHtml(letter.html())
        .setLink(letter.link())
        .build();
  }

  /** The next step of a notification's delivery. */
  static NotificationEvent step(
      NotificationEvent previous,
      DeliveryStatus status,
      Instant now,
      int attempts,
      Instant nextAttemptAt,
      String error) {
    return NotificationEvent.newBuilder(previous)
        .setEventId(UUID.randomUUID())
        .setOccurredAt(now)
        .setStatus(status)
        .setAttempts(attempts)
        .setNextAttemptAt(nextAttemptAt)
        .setLastError(error)
        .build();
  }

  static Letter letterOf(NotificationEvent event) {
    return new Letter(
        event.getLanguage(), event.getSubject(), event.getText(), event.getHtml(), event.getLink());
  }
}
