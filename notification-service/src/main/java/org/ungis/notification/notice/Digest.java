package org.ungis.notification.notice;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.ungis.notification.notice.Notice.Facts;
import org.ungis.reference.Person;

/**
 * A reviewer who chose the daily digest hears of the inputs and revisions awaiting them in one
 * e-mail a day: those of one day (UTC), sent once that day has ended.
 */
public final class Digest {

  private Digest() {}

  /** Whether a notice waits for its recipient's digest instead of going at once. */
  public static boolean deferred(Notice notice) {
    return (notice.kind() == Kind.INPUT_AWAITING || notice.kind() == Kind.REVISION_AWAITING)
        && notice.recipient().awaitingReview() == Person.AwaitingReview.DAILY_DIGEST;
  }

  /**
   * One person's digest of one day. Its source names the day and the items it lists, so the same
   * digest planned twice (a rebuilt state) is sent once, and an item of that day that arrives after
   * the digest went (the service was down at midnight) makes a digest of its own.
   */
  public static Notice of(Person recipient, LocalDate day, List<Notice> items, Letters letters) {
    List<Notice> sorted = items.stream().sorted(Comparator.comparing(Notice::sourceId)).toList();
    String sources = sorted.stream().map(Notice::sourceId).collect(Collectors.joining(","));
    String lines = sorted.stream().map(letters::line).collect(Collectors.joining("\n"));
    return new Notice(
        "digest/" + day + "/" + UUID.nameUUIDFromBytes(sources.getBytes(StandardCharsets.UTF_8)),
        Kind.DAILY_DIGEST,
        recipient,
        new Facts(null, day.toString(), null, null, null, lines, sorted.size()));
  }
}
