package org.ungis.contributions.contribution.messaging;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionFilter;
import org.ungis.contributions.contribution.ContributionOrder;

/**
 * The keys of the {@value ContributionViewTopology#INDEX_STORE} store: for each contribution, one
 * entry per order ({@link ContributionOrder}) under its agency and one under its agency and call,
 * whose keys sort as the order does (a prefix scan reads an agency's contributions in order, the
 * first page first), and a count of the contributions under each prefix. A contribution's agency
 * and call never change, so the counts only grow (at its submission); the entries of the order by
 * the latest change move with each change. The index lives in the same task as the contributions it
 * indexes, is written in the same transaction and logged to its own changelog, so it is rebuilt
 * with them.
 *
 * <pre>
 * ITU␀s␀&lt;submittedAt&gt;␀&lt;id&gt;           -> id   (agency, by submission)
 * ITU␀u␀&lt;inverted updatedAt&gt;␀&lt;id&gt;   -> id   (agency, latest change first)
 * ITU␀n                                 -> count
 * ITU␀p␀gdc-2023␀s␀...  ITU␀p␀gdc-2023␀u␀...  ITU␀p␀gdc-2023␀n  (agency and call)
 * </pre>
 */
final class ContributionIndex {

  private static final char SEPARATOR = '\u0000';
  private static final String COUNT = "n";

  /**
   * Present once the index holds every contribution of its task's store: written when the task's
   * contributions were indexed after its store was restored ({@link #backfill}). Until then a read
   * of the partition tests its contributions one by one, as without an index.
   */
  static final String COMPLETE = SEPARATOR + "complete";

  private ContributionIndex() {}

  /**
   * The prefix of the entries that hold exactly the contributions the filter's agency and call
   * select, or null when the filter names no agency (the index does not serve it).
   */
  static String prefix(ContributionFilter filter) {
    if (filter.agency() == null) {
      return null;
    }
    return filter.processId() == null
        ? agencyPrefix(filter.agency())
        : processPrefix(filter.agency(), filter.processId());
  }

  /** Whether the index alone answers a filter: it names an agency, maybe a call, nothing else. */
  static boolean answers(ContributionFilter filter) {
    return filter.agency() != null
        && filter.status() == null
        && filter.language() == null
        && filter.sdg() == null
        && filter.actionLine() == null
        && filter.text() == null;
  }

  /** The prefix of the entries under {@code prefix} in {@code order}. */
  static String ordered(String prefix, ContributionOrder order) {
    return prefix + code(order) + SEPARATOR;
  }

  /** The key of the count of the contributions under {@code prefix}. */
  static String countKey(String prefix) {
    return prefix + COUNT;
  }

  /** The entries of a contribution, in each order, under its agency and under its call. */
  static List<String> keys(Contribution.State state) {
    List<String> keys = new ArrayList<>(4);
    for (String prefix : prefixes(state)) {
      for (ContributionOrder order : ContributionOrder.values()) {
        keys.add(ordered(prefix, order) + sortable(order, state) + SEPARATOR + state.id());
      }
    }
    return keys;
  }

  /**
   * Moves a contribution's entries from what it was ({@code before}, null for a new one) to what it
   * is; a new one is counted.
   */
  static void update(
      KeyValueStore<String, String> index, Contribution.State before, Contribution.State after) {
    List<String> now = keys(after);
    if (before != null) {
      for (String key : keys(before)) {
        if (!now.contains(key)) {
          index.delete(key);
        }
      }
    }
    List<String> then = before == null ? List.of() : keys(before);
    for (String key : now) {
      if (!then.contains(key)) {
        index.put(key, after.id());
      }
    }
    if (before == null) {
      for (String prefix : prefixes(after)) {
        index.put(countKey(prefix), Long.toString(storedCount(index.get(countKey(prefix))) + 1));
      }
    }
  }

  /**
   * Indexes the contributions of a task's store that the index does not hold yet (those folded by a
   * version without the index, whose changelog restored them without it), counts them, and marks
   * the index complete; does nothing once it is. Returns how many were added.
   */
  static int backfill(
      KeyValueStore<String, Contribution.State> contributions,
      KeyValueStore<String, String> index) {
    if (index.get(COMPLETE) != null) {
      return 0;
    }
    int added = 0;
    try (KeyValueIterator<String, Contribution.State> all = contributions.all()) {
      while (all.hasNext()) {
        Contribution.State state = all.next().value;
        if (state != null && index.get(keys(state).get(0)) == null) {
          update(index, null, state);
          added++;
        }
      }
    }
    index.put(COMPLETE, "true");
    return added;
  }

  /** A stored count; none is zero. */
  static long storedCount(String stored) {
    return stored == null ? 0 : Long.parseLong(stored);
  }

  private static List<String> prefixes(Contribution.State state) {
    return List.of(agencyPrefix(state.agency()), processPrefix(state.agency(), state.processId()));
  }

  private static String agencyPrefix(String agency) {
    return agency + SEPARATOR;
  }

  private static String processPrefix(String agency, String processId) {
    return agency + SEPARATOR + "p" + SEPARATOR + processId + SEPARATOR;
  }

  private static String code(ContributionOrder order) {
    return switch (order) {
      case SUBMITTED -> "s";
      case RECENTLY_UPDATED -> "u";
    };
  }

  /**
   * A fixed-width text of the time the order sorts by that sorts as the order does (ascending, or
   * inverted for the latest first); ties are broken by the id that follows it.
   */
  static String sortable(ContributionOrder order, Contribution.State state) {
    return switch (order) {
      case SUBMITTED -> ascending(state.submittedAt());
      case RECENTLY_UPDATED -> descending(ContributionOrder.updatedAt(state));
    };
  }

  private static String ascending(Instant at) {
    return String.format("%019d%09d", at.getEpochSecond() - Long.MIN_VALUE / 2, at.getNano());
  }

  private static String descending(Instant at) {
    return String.format(
        "%019d%09d", Long.MAX_VALUE / 2 - at.getEpochSecond(), 999_999_999 - at.getNano());
  }
}
