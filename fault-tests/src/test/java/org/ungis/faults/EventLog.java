package org.ungis.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.ReviewEvent;

/**
 * Every record of the platform's topics as read from the beginning, in offset order per partition:
 * every event (not only the latest value per key), every record that could not be decoded, and
 * every dead letter. Plain data: built by {@link EventLogReader} from a broker, or by hand in a
 * test of the {@link HistoryChecker}.
 */
record EventLog(
    List<Logged<ContributionEvent>> contributions,
    List<Logged<ReviewEvent>> reviews,
    List<Logged<RecordEvent>> records,
    List<Logged<byte[]>> undecodable,
    List<DeadLetter> deadLetters,
    Map<String, Integer> recordsPerTopic) {

  /** One record of a topic where it was found. */
  record Logged<T>(
      String topic, int partition, long offset, String key, T value, Map<String, String> headers) {

    Coordinate at() {
      return new Coordinate(topic, partition, offset);
    }
  }

  /** A partition of a topic. */
  record Partition(String topic, int partition) {}

  /** Where a record is: topic, partition, offset. */
  record Coordinate(String topic, int partition, long offset) {
    /** Whether this record was written before {@code ends} (a partition not named: no record). */
    boolean before(Map<Partition, Long> ends) {
      return offset < ends.getOrDefault(new Partition(topic, partition), 0L);
    }

    @Override
    public String toString() {
      return topic + "/" + partition + "@" + offset;
    }
  }

  /** A dead letter: where it is, the original record's place and bytes, and who refused it. */
  record DeadLetter(
      Coordinate at, Coordinate original, String key, byte[] value, String exception) {}

  /**
   * The log as it was when every partition ended at {@code ends} (a partition not named was empty):
   * the records written before, not those after. The counts of the topics not examined are lost.
   */
  EventLog before(Map<Partition, Long> ends) {
    Builder before = builder();
    contributions.stream().filter(e -> e.at().before(ends)).forEach(before::contribution);
    reviews.stream().filter(e -> e.at().before(ends)).forEach(before::review);
    records.stream().filter(e -> e.at().before(ends)).forEach(before::record);
    undecodable.stream().filter(e -> e.at().before(ends)).forEach(before::undecodable);
    deadLetters.stream().filter(d -> d.at().before(ends)).forEach(before::deadLetter);
    return before.build();
  }

  /** An empty log, to be filled by {@link #add}-style builders in tests. */
  static Builder builder() {
    return new Builder();
  }

  /** Collects the records of a log. */
  static final class Builder {
    private final List<Logged<ContributionEvent>> contributions = new ArrayList<>();
    private final List<Logged<ReviewEvent>> reviews = new ArrayList<>();
    private final List<Logged<RecordEvent>> records = new ArrayList<>();
    private final List<Logged<byte[]>> undecodable = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private final Map<String, Integer> counts = new TreeMap<>();

    Builder contribution(Logged<ContributionEvent> event) {
      contributions.add(event);
      return count(event.topic());
    }

    Builder review(Logged<ReviewEvent> event) {
      reviews.add(event);
      return count(event.topic());
    }

    Builder record(Logged<RecordEvent> event) {
      records.add(event);
      return count(event.topic());
    }

    Builder undecodable(Logged<byte[]> record) {
      undecodable.add(record);
      return count(record.topic());
    }

    Builder deadLetter(DeadLetter letter) {
      deadLetters.add(letter);
      return count(letter.at().topic());
    }

    /** A record counted on its topic but not examined (e.g. the calls topic). */
    Builder count(String topic) {
      counts.merge(topic, 1, Integer::sum);
      return this;
    }

    EventLog build() {
      return new EventLog(
          List.copyOf(contributions),
          List.copyOf(reviews),
          List.copyOf(records),
          List.copyOf(undecodable),
          List.copyOf(deadLetters),
          Map.copyOf(counts));
    }
  }
}
