package org.ungis.notification.notice.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ungis.events.notification.NotificationEvent;
import org.ungis.notification.notice.Digest;
import org.ungis.notification.notice.Letters;
import org.ungis.notification.notice.Notice;
import org.ungis.notification.notice.Recipients;

/**
 * Keeps the notices that wait for a daily digest in the {@code digest} store (its changelog keeps
 * them across restarts) and, at each check after a day has ended (UTC, on the service clock), plans
 * one e-mail per person for that day and forgets its items; both commit together. Its input is
 * keyed by recipient, so one task holds all of a person's items.
 */
final class DigestProcessor implements Processor<String, DigestItem, String, NotificationEvent> {

  static final String STORE = "digest";

  private final Recipients recipients;
  private final Letters letters;
  private final Duration check;
  private final Clock clock;

  private ProcessorContext<String, NotificationEvent> context;
  private KeyValueStore<String, DigestItem> items;

  DigestProcessor(Recipients recipients, Letters letters, Duration check, Clock clock) {
    this.recipients = recipients;
    this.letters = letters;
    this.check = check;
    this.clock = clock;
  }

  @Override
  public void init(ProcessorContext<String, NotificationEvent> context) {
    this.context = context;
    this.items = context.getStateStore(STORE);
    context.schedule(check, PunctuationType.WALL_CLOCK_TIME, t -> sendEndedDays());
  }

  @Override
  public void process(Record<String, DigestItem> record) {
    if (record.value() != null) {
      items.put(record.value().key(), record.value());
    }
  }

  private void sendEndedDays() {
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Map<String, List<KeyValue<String, DigestItem>>> due = new LinkedHashMap<>();
    try (KeyValueIterator<String, DigestItem> all = items.all()) {
      while (all.hasNext()) {
        KeyValue<String, DigestItem> entry = all.next();
        if (LocalDate.parse(entry.value.day()).isBefore(today)) {
          due.computeIfAbsent(entry.value.email() + "|" + entry.value.day(), k -> new ArrayList<>())
              .add(entry);
        }
      }
    }
    for (List<KeyValue<String, DigestItem>> day : due.values()) {
      DigestItem first = day.get(0).value;
      recipients
          .person(first.email())
          .ifPresent(
              person -> {
                List<Notice> notices = day.stream().map(e -> e.value.notice(person)).toList();
                NotificationEvent planned =
                    NotificationRecords.planned(
                        Digest.of(person, LocalDate.parse(first.day()), notices, letters),
                        letters,
                        now);
                context.forward(
                    new Record<>(planned.getNotificationId(), planned, now.toEpochMilli()));
              });
      day.forEach(e -> items.delete(e.key));
    }
  }
}
