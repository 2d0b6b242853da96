package org.ungis.notification.notice.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEvent;
import org.ungis.notification.notice.Letters;
import org.ungis.notification.notice.Recipients;
import org.ungis.notification.notice.RecordWatch;
import org.ungis.notification.notice.Step;

/** Keeps a {@link RecordWatch} per record in the {@code records} store and plans its notices. */
final class RecordWatchProcessor
    implements Processor<String, RecordEvent, String, NotificationEvent> {

  static final String RECORDS = "records";

  private final Recipients recipients;
  private final Letters letters;
  private final Clock clock;

  private ProcessorContext<String, NotificationEvent> context;
  private KeyValueStore<String, RecordWatch> records;

  RecordWatchProcessor(Recipients recipients, Letters letters, Clock clock) {
    this.recipients = recipients;
    this.letters = letters;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, NotificationEvent> context) {
    this.context = context;
    this.records = context.getStateStore(RECORDS);
  }

  @Override
  public void process(Record<String, RecordEvent> record) {
    RecordEvent event = record.value();
    if (event == null || !(event.getPayload() instanceof RecordEdition edition)) {
      return; // entries and tombstones: the manifest says all a notice needs
    }
    RecordWatch watch = records.get(record.key());
    if (watch == null) {
      watch = RecordWatch.empty();
    }
    List<RecordWatch.Entry> entries =
        edition.getEntries().stream()
            .map(e -> new RecordWatch.Entry(e.getContributionId(), e.getAgency(), e.getRevision()))
            .toList();
    Step<RecordWatch> step =
        watch.edition(
            event.getEventId().toString(),
            event.getOccurredAt(),
            event.getProcessId(),
            edition.getCallTitle(),
            edition.getEdition(),
            edition.getFinal$(),
            entries,
            recipients);
    records.put(record.key(), step.next());
    Instant now = clock.instant();
    step.notices()
        .forEach(
            notice -> {
              NotificationEvent planned = NotificationRecords.planned(notice, letters, now);
              context.forward(
                  new Record<>(planned.getNotificationId(), planned, now.toEpochMilli()));
            });
  }
}
