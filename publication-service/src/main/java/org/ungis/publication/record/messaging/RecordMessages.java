package org.ungis.publication.record.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.ungis.events.common.ActionLine;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.record.EntryApproval;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEntry;
import org.ungis.events.record.RecordEvent;
import org.ungis.publication.record.Approval;
import org.ungis.publication.record.CallInfo;
import org.ungis.publication.record.Content;
import org.ungis.publication.record.Correction;
import org.ungis.publication.record.Edition;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.EntryRef;

/** Maps between the domain and the Avro events of {@code ungis.records.v1} and its inputs. */
final class RecordMessages {

  /** The actor of every record event: this service, acting for the group. */
  static final Actor PUBLISHER = new Actor("UNGIS", "publication-service", ActorRole.SYSTEM);

  private RecordMessages() {}

  static Content content(ContributionContent avro) {
    return new Content(
        avro.getTitle(),
        avro.getSummary(),
        avro.getBody(),
        avro.getLanguage() == null ? "" : avro.getLanguage().name(),
        avro.getActionLines().stream().map(ActionLine::name).toList(),
        avro.getSdgs(),
        avro.getLinks());
  }

  static ContributionContent content(Content content) {
    return new ContributionContent(
        content.title(),
        content.summary(),
        content.body(),
        Language.valueOf(content.language()),
        content.actionLines().stream().map(ActionLine::valueOf).toList(),
        content.sdgs(),
        content.links());
  }

  /** The message of an entry; its event id is derived from what it says, so a replay is equal. */
  static RecordEvent entry(Entry entry) {
    String key = RecordKeys.entry(entry.processId(), entry.contributionId());
    return new RecordEvent(
        eventId(key + "#" + entry.revision()),
        entry.approvedAt(),
        PUBLISHER,
        entry.processId(),
        new RecordEntry(
            entry.contributionId(),
            entry.agency(),
            entry.agencyName(),
            entry.revision(),
            entry.submittedAt(),
            entry.approvedAt(),
            content(entry.content()),
            entry.approvals().stream()
                .map(a -> new EntryApproval(a.agency(), a.principal(), a.at()))
                .toList()));
  }

  static RecordEvent edition(Edition edition) {
    List<org.ungis.events.record.EntryRef> refs =
        edition.entries().stream()
            .map(
                ref ->
                    new org.ungis.events.record.EntryRef(
                        ref.contributionId(),
                        ref.agency(),
                        ref.revision(),
                        RecordKeys.entry(edition.processId(), ref.contributionId())))
            .toList();
    return new RecordEvent(
        eventId(edition.processId() + "@" + edition.number()),
        edition.publishedAt(),
        PUBLISHER,
        edition.processId(),
        new RecordEdition(
            edition.number(),
            edition.finalEdition(),
            edition.call().title(),
            edition.call().description(),
            edition.call().deadline(),
            refs,
            edition.call().symbol(),
            edition.call().language(),
            edition.call().introduction(),
            edition.call().conclusion(),
            edition.corrigendum(),
            edition.corrections().stream()
                .map(
                    c ->
                        new org.ungis.events.record.Correction(
                            c.kind().name(), c.agency(), c.contributionId(), c.title(), c.at()))
                .toList()));
  }

  static Entry entry(RecordEvent event, RecordEntry entry) {
    return new Entry(
        event.getProcessId(),
        entry.getContributionId(),
        entry.getAgency(),
        entry.getAgencyName(),
        entry.getRevision(),
        entry.getSubmittedAt(),
        entry.getApprovedAt(),
        content(entry.getContent()),
        entry.getApprovals().stream()
            .map(a -> new Approval(a.getAgency(), a.getPrincipal(), a.getApprovedAt()))
            .toList());
  }

  /**
   * The domain edition of a manifest, given its entries (the Avro ref carries no submission time,
   * the entry does).
   */
  static Edition edition(RecordEvent event, RecordEdition manifest, List<Entry> entries) {
    List<EntryRef> refs = entries.stream().map(Entry::ref).toList();
    return new Edition(
        event.getProcessId(),
        manifest.getEdition(),
        manifest.getFinal$(),
        new CallInfo(
            manifest.getCallTitle(),
            manifest.getCallDescription(),
            manifest.getDeadline(),
            manifest.getSymbol(),
            manifest.getLanguage(),
            manifest.getIntroduction(),
            manifest.getConclusion()),
        event.getOccurredAt(),
        refs,
        manifest.getCorrigendum(),
        manifest.getCorrections().stream()
            .map(
                c ->
                    new Correction(
                        Correction.Kind.valueOf(c.getKind()),
                        c.getAgency(),
                        c.getContributionId(),
                        c.getTitle(),
                        c.getOccurredAt()))
            .toList());
  }

  private static UUID eventId(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
