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
 * before the call itself is known are kept and published together in edition 1 once it is.
 *
 * <p>A change of the call's document (its symbol, language or framing) makes an edition due too.
 * Once the final edition is published, every later edition is a <b>corrigendum</b> ({@code Corr.1},
 * {@code Corr.2}...) that lists what changed ({@link Correction}s): the record follows the services
 * that decide (a withdrawal that contributions-service accepted after the closure, an approval that
 * review-service recorded, a correction of the framing by the chair), so that it never disagrees
 * with them.
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

  /** Whether the call's document changed since the latest edition. */
  private boolean callPending;

  /** Whether a final edition was published: every later edition is a corrigendum. */
  private boolean finalPublished;

  /** Number of the latest corrigendum, 0 if none. */
  private int corrigendum;

  /** What changed since the latest edition, once the final edition is published. */
  private final List<Correction> corrections = new ArrayList<>();

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
    record.callPending = state.callPending();
    record.finalPublished = state.finalPublished();
    record.corrigendum = state.corrigendum();
    record.corrections.addAll(state.corrections());
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
        closurePending,
        callPending,
        finalPublished,
        corrigendum,
        List.copyOf(corrections));
  }

  /**
   * An approved revision enters the record (or replaces an older revision of the same
   * contribution).
   *
   * @param ref the approved entry
   * @param at when the approval was decided
   * @return whether the record changed (an edition is due), false for a re-delivery, an older
   *     revision or a withdrawn contribution
   */
  public boolean add(EntryRef ref, Instant at) {
    return add(ref, at, "");
  }

  /**
   * An approved revision enters the record; after the final edition, as a correction.
   *
   * @param title the entry's title, for the line of a corrigendum
   */
  public boolean add(EntryRef ref, Instant at, String title) {
    Objects.requireNonNull(ref, "ref");
    if (withdrawn.contains(ref.contributionId())) {
      return false;
    }
    EntryRef existing = byContribution.get(ref.contributionId());
    if (existing != null && existing.revision() >= ref.revision()) {
      return false;
    }
    correct(
        existing == null ? Correction.Kind.ADDED : Correction.Kind.REVISED,
        ref.agency(),
        ref.contributionId(),
        title,
        at);
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
   */
  public boolean remove(String contributionId, Instant at) {
    return remove(contributionId, at, "");
  }

  /**
   * A contribution leaves the record; after the final edition, as a correction.
   *
   * @param title the entry's title, for the line of a corrigendum
   */
  public boolean remove(String contributionId, Instant at, String title) {
    Objects.requireNonNull(contributionId, "contributionId");
    EntryRef existing = byContribution.get(contributionId);
    if (existing == null) {
      withdrawn.add(contributionId);
      return false;
    }
    correct(Correction.Kind.WITHDRAWN, existing.agency(), contributionId, title, at);
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
    boolean documentChanged = !firstSight && !info.equals(call);
    if (!firstSight && info.framingDiffers(call)) {
      correct(Correction.Kind.FRAMING, "", "", "", at);
    }
    call = info;
    if (documentChanged && edition > 0) {
      callPending = true;
    }
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
    if (documentChanged && edition > 0) {
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
    if (closurePending || callPending) {
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
    List<Correction> published = List.of();
    if (finalPublished) {
      corrigendum++;
      published = effective(added, removed);
    }
    edition++;
    changedSince.clear();
    closurePending = false;
    callPending = false;
    corrections.clear();
    Edition next = currentEdition(corrigendum > 0 && finalPublished ? published : List.of());
    finalPublished = finalEdition;
    return Optional.of(new Publication(next, added, removed));
  }

  /** The corrections that still hold (an entry added and withdrawn again changed nothing). */
  private List<Correction> effective(List<EntryRef> added, List<String> removed) {
    Set<String> touched = new java.util.HashSet<>(removed);
    added.forEach(ref -> touched.add(ref.contributionId()));
    Map<String, Correction> latest = new LinkedHashMap<>();
    for (Correction c : corrections) {
      if (c.kind() == Correction.Kind.FRAMING) {
        latest.put("", c);
      } else if (touched.contains(c.contributionId())) {
        latest.put(c.contributionId(), c);
      }
    }
    return List.copyOf(latest.values());
  }

  /** Notes a change for the next corrigendum, once the final edition is published. */
  private void correct(
      Correction.Kind kind, String agency, String contributionId, String title, Instant at) {
    if (finalPublished) {
      corrections.add(new Correction(kind, agency, contributionId, title, at));
    }
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
    return Optional.of(currentEdition(List.of()));
  }

  private Edition currentEdition(List<Correction> published) {
    return new Edition(
        processId,
        edition,
        finalEdition,
        call,
        publishedAt,
        new ArrayList<>(entries),
        corrigendum,
        published);
  }

  /** Number of the latest corrigendum, 0 if none. */
  public int corrigendum() {
    return corrigendum;
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
   * @param callPending whether the call's document changed since the latest edition
   * @param finalPublished whether a final edition was published (later ones are corrigenda)
   * @param corrigendum number of the latest corrigendum, 0 if none
   * @param corrections what changed since the latest edition, for the next corrigendum
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
      boolean closurePending,
      boolean callPending,
      boolean finalPublished,
      int corrigendum,
      List<Correction> corrections) {

    public State {
      entries = entries == null ? List.of() : entries;
      withdrawn = withdrawn == null ? List.of() : withdrawn;
      changed = changed == null ? List.of() : changed;
      corrections = corrections == null ? List.of() : corrections;
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
          closurePending,
          callPending,
          finalPublished,
          corrigendum,
          corrections);
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
