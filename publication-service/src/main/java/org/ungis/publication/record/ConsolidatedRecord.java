package org.ungis.publication.record;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * <p>Changes that alter the list (an approval, the withdrawal of an approved item) and the closure
 * of the call are applied at once and make an edition due; {@link #publishPending()} publishes one
 * edition with everything that changed since the previous one (the publisher calls it at a short,
 * fixed interval, and at once when the call changes, so that approvals arriving close together
 * share an edition). Changes that alter nothing (a re-delivered approval, the same closure twice,
 * an entry added and withdrawn again before it was published) publish nothing. Changes that arrive
 * before the call itself is known are kept and published together in edition 1 once it is. Once
 * final, the record accepts only changes that happened before the closure (they were late in
 * arriving, not in happening) and refuses the others.
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

  /**
   * Since the latest edition: each changed contribution and its ref in that edition (null if it was
   * not in it). Empty while nothing was published yet (then every entry is new).
   */
  private final Map<String, EntryRef> changedSince = new LinkedHashMap<>();

  /** Whether the closure still has to be published. */
  private boolean closurePending;

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
    state.changed().forEach(c -> record.changedSince.put(c.contributionId(), c.published()));
    record.closurePending = state.closurePending();
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
        List.copyOf(withdrawn),
        changedSince.entrySet().stream().map(e -> new Changed(e.getKey(), e.getValue())).toList(),
        closurePending);
  }

  /**
   * An approved revision enters the record (or replaces an older revision of the same
   * contribution).
   *
   * @param ref the approved entry
   * @param at when the approval was decided
   * @return whether the record changed (an edition is due), false for a re-delivery, an older
   *     revision or a withdrawn contribution
   * @throws RecordFinalException if the approval happened after the call was closed
   */
  public boolean add(EntryRef ref, Instant at) {
    Objects.requireNonNull(ref, "ref");
    if (withdrawn.contains(ref.contributionId())) {
      return false;
    }
    EntryRef existing = byContribution.get(ref.contributionId());
    if (existing != null && existing.revision() >= ref.revision()) {
      return false;
    }
    requireOpenAt(at);
    remember(ref.contributionId());
    if (existing != null) {
      entries.remove(existing);
    }
    put(ref);
    touch(at);
    return true;
  }

  /**
   * A contribution leaves the record because it was withdrawn. Withdrawal is final: a later
   * approval of the same contribution (a re-delivery) does not bring it back.
   *
   * @param contributionId the withdrawn contribution
   * @param at when it was withdrawn
   * @return whether the record changed (an edition is due), false if it was not in the record
   * @throws RecordFinalException if the withdrawal happened after the call was closed
   */
  public boolean remove(String contributionId, Instant at) {
    Objects.requireNonNull(contributionId, "contributionId");
    EntryRef existing = byContribution.get(contributionId);
    if (existing == null) {
      withdrawn.add(contributionId);
      return false;
    }
    requireOpenAt(at);
    remember(contributionId);
    byContribution.remove(contributionId);
    entries.remove(existing);
    withdrawn.add(contributionId);
    touch(at);
    return true;
  }

  /**
   * The call's latest state: its title, description and deadline, and whether it is closed. Closing
   * makes the final edition due; learning about the call for the first time makes the changes that
   * were waiting for it due.
   *
   * @param info the call's title, description and deadline
   * @param closed whether the call is closed
   * @param at when the call changed
   * @return whether an edition became due
   */
  public boolean describe(CallInfo info, boolean closed, Instant at) {
    Objects.requireNonNull(info, "info");
    boolean firstSight = call == null;
    call = info;
    if (closed && !finalEdition) {
      finalEdition = true;
      closedAt = at;
      closurePending = true;
      touch(at);
      return true;
    }
    if (firstSight && !entries.isEmpty()) {
      touch(at);
      return true;
    }
    return false;
  }

  /**
   * Whether {@link #publishPending()} would publish an edition: the call is known and, since the
   * latest edition, the list of entries changed or the call was closed.
   */
  public boolean hasPendingEdition() {
    if (call == null) {
      return false;
    }
    if (edition == 0) {
      return !entries.isEmpty() || finalEdition;
    }
    if (closurePending) {
      return true;
    }
    for (Map.Entry<String, EntryRef> changed : changedSince.entrySet()) {
      if (!Objects.equals(changed.getValue(), byContribution.get(changed.getKey()))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Publishes one edition with every change since the previous edition, if the list changed or the
   * call was closed meanwhile.
   *
   * @return the publication, or empty if nothing is due (or the call is not known yet)
   */
  public Optional<Publication> publishPending() {
    if (call == null) {
      return Optional.empty();
    }
    if (!hasPendingEdition()) {
      changedSince.clear();
      return Optional.empty();
    }
    List<EntryRef> added = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    if (edition == 0) {
      added.addAll(entries);
    } else {
      for (Map.Entry<String, EntryRef> changed : changedSince.entrySet()) {
        EntryRef now = byContribution.get(changed.getKey());
        if (now == null && changed.getValue() != null) {
          removed.add(changed.getKey());
        } else if (now != null && !now.equals(changed.getValue())) {
          added.add(now);
        }
      }
      added.sort(EntryRef.PUBLISHED_ORDER);
    }
    edition++;
    changedSince.clear();
    closurePending = false;
    return Optional.of(new Publication(currentEdition().orElseThrow(), added, removed));
  }

  /** Remembers how a contribution stood in the latest edition before its first change since. */
  private void remember(String contributionId) {
    if (edition > 0 && !changedSince.containsKey(contributionId)) {
      changedSince.put(contributionId, byContribution.get(contributionId));
    }
  }

  private void touch(Instant at) {
    publishedAt = publishedAt == null || at.isAfter(publishedAt) ? at : publishedAt;
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

  /**
   * The latest edition, if any, as it stands with the changes applied so far (after {@link
   * #publishPending()}, the edition just published).
   */
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

  /** Entries in the published order, including changes not published yet. */
  public List<EntryRef> entries() {
    return List.copyOf(entries);
  }

  /** The entry of a contribution, published or not yet. */
  public Optional<EntryRef> entry(String contributionId) {
    return Optional.ofNullable(byContribution.get(contributionId));
  }

  /** Whether a contribution was withdrawn (it never comes back). */
  public boolean isWithdrawn(String contributionId) {
    return withdrawn.contains(contributionId);
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
   * @param changed contributions changed since the latest edition, with their ref in it
   * @param closurePending whether the closure is not published yet
   */
  public record State(
      String processId,
      CallInfo call,
      int edition,
      boolean finalEdition,
      Instant closedAt,
      Instant publishedAt,
      List<EntryRef> entries,
      List<String> withdrawn,
      List<Changed> changed,
      boolean closurePending) {

    public State {
      entries = entries == null ? List.of() : entries;
      withdrawn = withdrawn == null ? List.of() : withdrawn;
      changed = changed == null ? List.of() : changed;
    }

    /** The same state with other entries and withdrawals (they may be kept apart). */
    public State with(List<EntryRef> entries, List<String> withdrawn) {
      return new State(
          processId,
          call,
          edition,
          finalEdition,
          closedAt,
          publishedAt,
          entries,
          withdrawn,
          changed,
          closurePending);
    }
  }

  /**
   * A contribution changed since the latest edition.
   *
   * @param contributionId the contribution
   * @param published its ref in the latest edition, or null if it was not in it
   */
  public record Changed(String contributionId, EntryRef published) {}
}
