package org.ungis.notification.notice;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.ungis.notification.notice.Notice.Facts;

/**
 * What the service remembers of one published record: the revision of each entry and whether it had
 * its final edition.
 *
 * @param published the published revision of each entry, by contribution id
 * @param finalSeen whether a final edition was published
 */
public record RecordWatch(Map<String, Integer> published, boolean finalSeen) {

  public RecordWatch {
    published = Map.copyOf(published == null ? Map.of() : published);
  }

  /** Nothing published yet. */
  public static RecordWatch empty() {
    return new RecordWatch(Map.of(), false);
  }

  /**
   * One entry of an edition.
   *
   * @param contributionId the input
   * @param agency its agency
   * @param revision its published revision
   */
  public record Entry(String contributionId, String agency, int revision) {}

  /**
   * A new edition: an entry new to the record (or in a new revision) tells its agency's focal
   * points; the final edition, and any edition after it (a corrigendum), tells everyone concerned.
   */
  public Step<RecordWatch> edition(
      String eventId,
      Instant at,
      String processId,
      String title,
      int edition,
      boolean isFinal,
      List<Entry> entries,
      Recipients who) {
    List<Notice> notices = new ArrayList<>();
    Map<String, Integer> next = new HashMap<>();
    for (Entry entry : entries) {
      next.put(entry.contributionId(), entry.revision());
      Integer before = published.get(entry.contributionId());
      if (before == null || before != entry.revision()) {
        Facts facts =
            new Facts(
                processId,
                title,
                entry.contributionId(),
                entry.agency(),
                null,
                null,
                entry.revision());
        who.focalPointsOf(entry.agency())
            .forEach(
                p ->
                    notices.add(
                        new Notice(
                            eventId + "/" + entry.contributionId(), Kind.PUBLISHED, p, facts)));
      }
    }
    if (isFinal || finalSeen) {
      Kind kind = finalSeen ? Kind.CORRIGENDUM : Kind.RECORD_FINAL;
      Facts facts = new Facts(processId, title, null, null, null, null, edition);
      who.concerned(entries.stream().map(Entry::agency).toList(), at)
          .forEach(p -> notices.add(new Notice(eventId, kind, p, facts)));
    }
    return new Step<>(new RecordWatch(next, finalSeen || isFinal), notices);
  }
}
