package org.ungis.notification.notice.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.notification.notice.CallWatch;
import org.ungis.notification.notice.Letters;
import org.ungis.notification.notice.Notice;
import org.ungis.notification.notice.Recipients;
import org.ungis.notification.notice.Step;

/**
 * Keeps a {@link CallWatch} per call in the {@code calls} store, plans the notices of a call's
 * changes, and checks the deadlines on a wall-clock schedule for the reminders.
 */
final class CallWatchProcessor implements Processor<String, CallInput, String, NotificationEvent> {

  static final String CALLS = "calls";

  private final Recipients recipients;
  private final Letters letters;
  private final Duration check;
  private final Clock clock;

  private ProcessorContext<String, NotificationEvent> context;
  private KeyValueStore<String, CallWatch> calls;

  CallWatchProcessor(Recipients recipients, Letters letters, Duration check, Clock clock) {
    this.recipients = recipients;
    this.letters = letters;
    this.check = check;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, NotificationEvent> context) {
    this.context = context;
    this.calls = context.getStateStore(CALLS);
    context.schedule(check, PunctuationType.WALL_CLOCK_TIME, t -> remind());
  }

  @Override
  public void process(Record<String, CallInput> record) {
    CallInput input = record.value();
    CallWatch watch = calls.get(record.key());
    if (watch == null) {
      watch = CallWatch.empty();
    }
    if (input.call() != null) {
      Step<CallWatch> step =
          watch.changed(input.eventId(), input.opened(), input.call(), recipients);
      calls.put(record.key(), step.next());
      emit(step.notices());
    } else if (input.withdrawn()) {
      calls.put(record.key(), watch.withdrawn(input.contributionId()));
    } else {
      calls.put(record.key(), watch.submitted(input.contributionId(), input.agency()));
    }
  }

  private void remind() {
    Instant now = clock.instant();
    List<KeyValue<String, CallWatch>> all = new ArrayList<>();
    try (KeyValueIterator<String, CallWatch> it = calls.all()) {
      it.forEachRemaining(all::add);
    }
    for (KeyValue<String, CallWatch> entry : all) {
      Step<CallWatch> step = entry.value.remind(now, recipients);
      if (!step.notices().isEmpty()) {
        calls.put(entry.key, step.next());
        emit(step.notices());
      }
    }
  }

  private void emit(List<Notice> notices) {
    Instant now = clock.instant();
    for (Notice notice : notices) {
      NotificationEvent planned = NotificationRecords.planned(notice, letters, now);
      context.forward(new Record<>(planned.getNotificationId(), planned, now.toEpochMilli()));
    }
  }
}
