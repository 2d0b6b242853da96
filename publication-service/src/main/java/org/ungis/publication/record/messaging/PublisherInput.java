package org.ungis.publication.record.messaging;

import java.time.Instant;
import java.util.List;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.publication.record.CallInfo;
import org.ungis.publication.record.RecordChange;

/** What the record publisher takes: contribution changes (re-keyed by process) and calls. */
sealed interface PublisherInput {

  record Change(RecordChange change) implements PublisherInput {}

  record Call(CallInfo info, boolean closed, Instant at) implements PublisherInput {}

  static List<PublisherInput> of(CallForInputsEvent event) {
    return List.of(
        new Call(
            new CallInfo(
                event.getTitle(),
                event.getDescription(),
                event.getDeadline(),
                event.getSymbol(),
                event.getRecordLanguage() == null ? "EN" : event.getRecordLanguage().name(),
                event.getIntroduction(),
                event.getConclusion()),
            event.getStatus() == CallStatus.CLOSED,
            event.getOccurredAt()));
  }
}
