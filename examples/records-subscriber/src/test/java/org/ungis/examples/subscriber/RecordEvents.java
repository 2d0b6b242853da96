package org.ungis.examples.subscriber;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.ungis.events.common.ActionLine;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.record.EntryRef;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEntry;
import org.ungis.events.record.RecordEvent;

/** Messages of {@code ungis.records.v1} laid out as publication-service writes them. */
final class RecordEvents {

  static final String GDC = "gdc-2023";
  static final Instant DEADLINE = Instant.parse("2023-04-30T23:59:59Z");
  static final Instant T0 = Instant.parse("2023-03-01T09:00:00Z");
  static final Actor SYSTEM = new Actor("UNGIS", "publication-service", ActorRole.SYSTEM);

  private RecordEvents() {}

  /** The Kafka key of an entry's text. */
  static String entryKey(String processId, String contributionId) {
    return processId + "/" + contributionId;
  }

  static RecordEvent manifest(String processId, int edition, boolean fin, RecordEntry... entries) {
    List<EntryRef> refs =
        List.of(entries).stream()
            .map(
                e ->
                    new EntryRef(
                        e.getContributionId(),
                        e.getAgency(),
                        e.getRevision(),
                        entryKey(processId, e.getContributionId())))
            .toList();
    return event(
        processId,
        "manifest/" + edition,
        T0.plusSeconds(3600L * edition),
        new RecordEdition(
            edition,
            fin,
            "Global Digital Compact",
            "UNGIS joint input to the GDC",
            DEADLINE,
            refs,
            "",
            "EN",
            "",
            "",
            0,
            List.of()));
  }

  static RecordEntry entry(String contributionId, String agency, int revision, String title) {
    return new RecordEntry(
        contributionId,
        agency,
        agency + " (full name)",
        revision,
        T0,
        T0.plusSeconds(60),
        ContributionContent.newBuilder()
            .setTitle(title)
            .setSummary("Summary of " + title)
            .setBody("First paragraph of " + title + ".\n\nSecond paragraph.")
            .setLanguage(Language.EN)
            .setActionLines(List.of(ActionLine.C2))
            .setSdgs(List.of(9, 17))
            .setLinks(List.of("https://example.org/" + contributionId))
            .build(),
        List.of());
  }

  static RecordEvent text(String processId, RecordEntry entry) {
    return event(
        processId,
        "entry/" + entry.getContributionId() + "/" + entry.getRevision(),
        entry.getApprovedAt(),
        entry);
  }

  private static RecordEvent event(String processId, String what, Instant at, Object payload) {
    return RecordEvent.newBuilder()
        .setEventId(
            UUID.nameUUIDFromBytes((processId + "#" + what).getBytes(StandardCharsets.UTF_8)))
        .setOccurredAt(at)
        .setActor(SYSTEM)
        .setProcessId(processId)
        .setPayload(payload)
        .build();
  }
}
