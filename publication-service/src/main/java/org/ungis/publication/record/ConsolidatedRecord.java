package org.ungis.publication.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The consolidated record of one call for inputs (the "UNGIS joint input"): which approved
 * contributions it lists, in which order, and which edition was published last.
 *
 * <p>Every change that alters the list (an approval, the withdrawal of an approved item) publishes
 * a new edition; closing the call publishes the final edition. Changes that alter nothing (a
 * re-delivered approval, the same closure twice) publish nothing. Changes that arrive before the
 * call itself is known are kept and published together in edition 1 once it is. Once final, the
 * record accepts only changes that happened before the closure (they were late in arriving, not in
 * happening) and refuses the others.
 */
public final class ConsolidatedRecord {

  private final String processId;
  private CallInfo call;
  private int edition;
  private boolean finalEdition;
  private Instant closedAt;
  private Instant publishedAt;
  private final TreeSet<EntryRef> entries = new TreeSet<>(EntryRef.PUBLISHED_ORDER);
  private final Map<String, EntryRef> byContribution = new HashMap<>();
  private final Set<String> withdrawn = new LinkedHashSet<>();

  private ConsolidatedRecord(String processId) {
    this.processId = Objects.requireNonNull(processId, "processId");
  }

  /** A record of a call about which nothing is known yet. */
  public static ConsolidatedRecord empty(String processId) {
    return new ConsolidatedRecord(processId);
  }

  /** A record as it was saved with {@link #state()}. */
  public static ConsolidatedRecord restore(State state) {
    ConsolidatedRecord record = new ConsolidatedRecord(state.processId());
    record.call = state.call();
    record.edition = state.edition();
    record.finalEdition = state.finalEdition();
    record.closedAt = state.closedAt();
    record.publishedAt = state.publishedAt();
    state.entries().forEach(record::put);
    record.withdrawn.addAll(state.withdrawn());
    return record;
  }

  /** Everything needed to {@link #restore(State)} this record. */
  public State state() {
    return new State(
        processId,
        call,
        edition,
        finalEdition,
        closedAt,
        publishedAt,
        List.copyOf(entries),
        List.copyOf(withdrawn));
  }

  /**
   * An approved revision enters the record (or replaces an older revision of the same
   * contribution).
   *
   * @param ref the approved entry
   * @param at when the approval was decided
   * @return the publication, or empty if nothing changed or the call is not known yet
   * @throws RecordFinalException if the approval happened after the call was closed
   */
  public Optional<Publication> add(EntryRef ref, Instant at) {
    Objects.requireNonNull(ref, "ref");
    if (withdrawn.contains(ref.contributionId())) {
      return Optional.empty();
    }
    EntryRef existing = byContribution.get(ref.contributionId());
    if (existing != null && existing.revision() >= ref.revision()) {
      return Optional.empty();
    }
    requireOpenAt(at);
    if (existing != null) {
      entries.remove(existing);
    }
    put(ref);
    return publish(at, List.of(ref), List.of());
  }

  /**
   * A contribution leaves the record because it was withdrawn. Withdrawal is final: a later
   * approval of the same contribution (a re-delivery) does not bring it back.
   *
   * @param contributionId the withdrawn contribution
   * @param at when it was withdrawn
   * @return the publication, or empty if it was not in the record
   * @throws RecordFinalException if the withdrawal happened after the call was closed
   */
  public Optional<Publication> remove(String contributionId, Instant at) {
    Objects.requireNonNull(contributionId, "contributionId");
    EntryRef existing = byContribution.get(contributionId);
    if (existing == null) {
      withdrawn.add(contributionId);
      return Optional.empty();
    }
    requireOpenAt(at);
    byContribution.remove(contributionId);
    entries.remove(existing);
    withdrawn.add(contributionId);
    return publish(at, List.of(), List.of(contributionId));
  }

  /**
   * The call's latest state: its title, description and deadline, and whether it is closed. Closing
   * publishes the final edition; learning about the call for the first time publishes the changes
   * that were waiting for it.
   *
   * @param info the call's title, description and deadline
   * @param closed whether the call is closed
   * @param at when the call changed
   * @return the publication, or empty if nothing is published
   */
  public Optional<Publication> describe(CallInfo info, boolean closed, Instant at) {
    Objects.requireNonNull(info, "info");
    boolean firstSight = call == null;
    call = info;
    if (closed && !finalEdition) {
      finalEdition = true;
      closedAt = at;
      return publish(at, List.of(), List.of());
    }
    if (firstSight && !entries.isEmpty()) {
      return publish(at, List.of(), List.of());
    }
    return Optional.empty();
  }

  private Optional<Publication> publish(Instant at, List<EntryRef> added, List<String> removed) {
    publishedAt = publishedAt == null || at.isAfter(publishedAt) ? at : publishedAt;
    if (call == null) {
      return Optional.empty();
    }
    List<EntryRef> newlyAdded = added;
    List<String> newlyRemoved = removed;
    if (edition == 0) {
      newlyAdded = List.copyOf(entries);
      newlyRemoved = List.of();
    }
    edition++;
    return Optional.of(new Publication(currentEdition().orElseThrow(), newlyAdded, newlyRemoved));
  }

  private void requireOpenAt(Instant at) {
    if (finalEdition && at.isAfter(closedAt)) {
      throw new RecordFinalException(processId, closedAt, at);
    }
  }

  private void put(EntryRef ref) {
    entries.add(ref);
    byContribution.put(ref.contributionId(), ref);
  }

  public String processId() {
    return processId;
  }

  /** The latest published edition, if any. */
  public Optional<Edition> currentEdition() {
    if (edition == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Edition(processId, edition, finalEdition, call, publishedAt, new ArrayList<>(entries)));
  }

  /** Number of the latest published edition; 0 if none. */
  public int edition() {
    return edition;
  }

  public boolean isFinal() {
    return finalEdition;
  }

  /** Entries in the published order, including changes still waiting for the call. */
  public List<EntryRef> entries() {
    return List.copyOf(entries);
  }

  /**
   * The saved form of a record.
   *
   * @param processId the call for inputs
   * @param call the call, or null while unknown
   * @param edition latest published edition, 0 if none
   * @param finalEdition whether the call is closed
   * @param closedAt when it was closed, or null
   * @param publishedAt when the latest change happened (the latest edition's publication time)
   * @param entries the entries
   * @param withdrawn contributions withdrawn (they never come back)
   */
  public record State(
      String processId,
      CallInfo call,
      int edition,
      boolean finalEdition,
      Instant closedAt,
      Instant publishedAt,
      List<EntryRef> entries,
      List<String> withdrawn) {}
}
