package org.ungis.faults;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.events.record.EntryRef;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEntry;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.DecisionRefused;
import org.ungis.events.review.ReviewEvent;
import org.ungis.faults.EventLog.Coordinate;
import org.ungis.faults.EventLog.DeadLetter;
import org.ungis.faults.EventLog.Logged;
import org.ungis.faults.EventLog.Partition;
import org.ungis.faults.History.Operation;
import org.ungis.faults.History.Outcome;
import org.ungis.faults.History.Poison;
import org.ungis.faults.History.Text;
import org.ungis.faults.History.Type;

/**
 * Checks a {@link History} of client operations against the {@link EventLog} read from every topic
 * from the beginning (every event, every edition), and says for each guarantee whether it held:
 *
 * <ul>
 *   <li>{@link Check#ACKNOWLEDGED_ONCE}: every acknowledged write is in the log, and no request is
 *       in it twice (a repeat of the very same submission under the same id, which every fold
 *       treats as one, is counted, not refused); no revision's review round ends twice;
 *   <li>{@link Check#NO_PHANTOMS}: no contribution, revision, decision, refusal, record entry or
 *       edition line exists that no operation could have caused, and no write the client was told
 *       was refused took effect;
 *   <li>{@link Check#APPROVED_IN_FINAL_RECORD}: every contribution whose current revision is
 *       approved on the reviews topic is in the final edition of its call's record exactly once,
 *       with the text of the approved revision; nothing else is; no edition lists a contribution
 *       twice; every entry carries the text of the revision it names;
 *   <li>{@link Check#UNKNOWNS_RESOLVED}: every attempt whose outcome the client did not know is
 *       resolved, by a later definite answer to the same request or by its effect in the log;
 *   <li>{@link Check#DEAD_LETTERS_ONCE}: every poison pill has exactly its dead letters (one per
 *       service that refuses it), no other record was dead-lettered, and no record on an input
 *       topic is undecodable unless a test wrote it so;
 *   <li>{@link Check#WEBHOOK_PER_EVENT}: when the history watches notification-service's webhooks,
 *       every contribution event and every decision that ends a review round in the log reached the
 *       receiver under its event id as {@code webhook-id}, and the receiver got no id of no such
 *       event. Delivery to an external endpoint is at-least-once: a second request with the same id
 *       is allowed, and counted ({@code webhook-redeliveries}, the ids in {@code
 *       webhook-redelivered}).
 *   <li>{@link Check#REVISIONS_IN_ORDER}: each contribution's events on the contributions topic
 *       number its revisions 1, 2, 3, ... in log order, each number once (no two revisions accepted
 *       from the same revision, no gap); a withdrawal carries the current number and nothing
 *       follows it; every acknowledged revision is in the log at the number its answer named.
 * </ul>
 *
 * Plain Java: no broker, no clock.
 */
final class HistoryChecker {

  /** The guarantees checked. */
  enum Check {
    ACKNOWLEDGED_ONCE,
    NO_PHANTOMS,
    APPROVED_IN_FINAL_RECORD,
    UNKNOWNS_RESOLVED,
    DEAD_LETTERS_ONCE,
    WEBHOOK_PER_EVENT,
    REVISIONS_IN_ORDER
  }

  /** Whether a guarantee held, and where it did not. */
  record Verdict(Check check, List<String> violations) {
    boolean holds() {
      return violations.isEmpty();
    }

    @Override
    public String toString() {
      return check
          + ": "
          + (holds() ? "holds" : violations.size() + " violation(s): " + violations);
    }
  }

  /** Every verdict, and the figures of the run. */
  record Report(List<Verdict> verdicts, Map<String, Object> figures) {
    boolean clean() {
      return verdicts.stream().allMatch(Verdict::holds);
    }

    Verdict verdict(Check check) {
      return verdicts.stream().filter(v -> v.check() == check).findFirst().orElseThrow();
    }

    @Override
    public String toString() {
      StringBuilder out = new StringBuilder();
      figures.forEach((name, value) -> out.append(name).append('=').append(value).append(' '));
      out.setLength(Math.max(0, out.length() - 1));
      verdicts.forEach(v -> out.append("\n  ").append(v));
      return out.toString();
    }
  }

  /**
   * Where a part of a run (a scenario) starts: after the first {@code operations} attempts of the
   * history, at offsets {@code from} of the topics (a partition not named was empty then).
   */
  record Scope(int operations, Map<Partition, Long> from) {
    Scope {
      from = Map.copyOf(from);
    }
  }

  private HistoryChecker() {}

  /** Checks the whole history against the whole log. */
  static Report check(History history, EventLog log) {
    return new Run(history, log).report();
  }

  /**
   * Checks the whole history against the whole log, and gives as violations only those caused
   * within {@code scope}: the findings the history before the scope already had against the log as
   * it was when the scope started (an earlier part's findings, reported there) are left out and
   * counted as {@code earlier-findings}. Whatever the part broke is reported, also about an earlier
   * request: a phantom written since, a third copy of a decision written twice before, an entry an
   * edition of it dropped.
   */
  static Report check(History history, EventLog log, Scope scope) {
    Report whole = new Run(history, log).report();
    Report before =
        new Run(history.before(scope.operations(), scope.from()), log.before(scope.from()))
            .report();
    int earlier = 0;
    List<Verdict> verdicts = new ArrayList<>();
    for (Verdict verdict : whole.verdicts()) {
      Set<String> known = new HashSet<>(before.verdict(verdict.check()).violations());
      List<String> own = verdict.violations().stream().filter(v -> !known.contains(v)).toList();
      earlier += verdict.violations().size() - own.size();
      verdicts.add(new Verdict(verdict.check(), own));
    }
    Map<String, Object> figures = new LinkedHashMap<>(whole.figures());
    figures.put("earlier-findings", earlier);
    return new Report(List.copyOf(verdicts), figures);
  }

  /** One check of one history against one log. */
  private static final class Run {
    private final List<Operation> operations;
    private final List<Poison> poisons;
    private final History history;
    private final List<String> webhookDeliveries;
    private final Set<Coordinate> excluded = new HashSet<>();
    private final Set<Coordinate> poisoned = new HashSet<>();
    private final EventLog log;
    private final Map<List<Object>, List<Operation>> requests = new LinkedHashMap<>();
    private final Map<String, Object> figures = new LinkedHashMap<>();

    /** The events of the log by what they did (see {@link #effect}), not counting excluded ones. */
    private final Map<List<Object>, List<ContributionEvent>> contributionsByEffect =
        new HashMap<>();

    private final Map<List<Object>, List<ReviewEvent>> decisionsByEffect = new HashMap<>();

    /** The operations by the effect they asked for. */
    private final Map<List<Object>, List<Operation>> operationsByEffect = new HashMap<>();

    Run(History history, EventLog log) {
      this.operations = history.operations();
      this.poisons = history.poisons();
      this.history = history;
      this.webhookDeliveries = history.webhookDeliveries();
      this.log = log;
      poisons.forEach(p -> poisoned.add(p.at()));
      excluded.addAll(poisoned);
      excluded.addAll(history.produced());
      operations.forEach(o -> requests.computeIfAbsent(o.request(), r -> new ArrayList<>()).add(o));
      operations.forEach(
          o -> operationsByEffect.computeIfAbsent(effect(o), e -> new ArrayList<>()).add(o));
      for (Logged<ContributionEvent> logged : log.contributions()) {
        List<Object> effect = effect(logged.value());
        if (effect != null && !excluded.contains(logged.at())) {
          contributionsByEffect.computeIfAbsent(effect, e -> new ArrayList<>()).add(logged.value());
        }
      }
      for (Logged<ReviewEvent> logged : log.reviews()) {
        List<Object> effect = effect(logged.value());
        if (effect != null && !excluded.contains(logged.at())) {
          decisionsByEffect.computeIfAbsent(effect, e -> new ArrayList<>()).add(logged.value());
        }
      }
    }

    /** What an operation asks for: its type and what the event it writes would say. */
    private static List<Object> effect(Operation operation) {
      Text text = operation.text();
      return switch (operation.type()) {
        case SUBMIT ->
            List.of(Type.SUBMIT, operation.agency(), text.title(), text.summary(), text.body());
        case REVISE ->
            List.of(
                Type.REVISE, operation.contributionId(), text.title(), text.summary(), text.body());
        case WITHDRAW ->
            List.of(Type.WITHDRAW, operation.contributionId(), String.valueOf(text.body()));
        case DECIDE ->
            List.of(
                Type.DECIDE,
                operation.contributionId(),
                operation.revision(),
                String.valueOf(operation.decision()));
      };
    }

    /** What a contribution event did, as {@link #effect(Operation)} says it. */
    private static List<Object> effect(ContributionEvent event) {
      if (event.getPayload() instanceof ContributionSubmitted submitted) {
        ContributionContent content = submitted.getContent();
        return List.of(
            Type.SUBMIT,
            event.getAgency(),
            content.getTitle(),
            content.getSummary(),
            content.getBody());
      }
      if (event.getPayload() instanceof ContributionRevised revised) {
        ContributionContent content = revised.getContent();
        return List.of(
            Type.REVISE,
            event.getContributionId(),
            content.getTitle(),
            content.getSummary(),
            content.getBody());
      }
      if (event.getPayload() instanceof ContributionWithdrawn withdrawn) {
        return List.of(
            Type.WITHDRAW, event.getContributionId(), String.valueOf(withdrawn.getReason()));
      }
      return null;
    }

    /** What a review event did or tried (a refusal names the decision attempted). */
    private static List<Object> effect(ReviewEvent event) {
      Decision decision =
          event.getPayload() instanceof DecisionRecorded recorded
              ? recorded.getDecision()
              : ((DecisionRefused) event.getPayload()).getAttempted();
      return List.of(Type.DECIDE, event.getContributionId(), event.getRevision(), decision.name());
    }

    Report report() {
      figures.put("invoked", operations.size());
      figures.put("ok", count(Outcome.OK));
      figures.put("failed", count(Outcome.FAILED));
      figures.put("unknown", count(Outcome.UNKNOWN));
      figures.put("requests", requests.size());
      List<Verdict> verdicts =
          List.of(
              acknowledgedOnce(),
              noPhantoms(),
              approvedInFinalRecord(),
              unknownsResolved(),
              deadLettersOnce(),
              webhookPerEvent(),
              revisionsInOrder());
      figures.put("events", new TreeMap<>(log.recordsPerTopic()));
      return new Report(verdicts, figures);
    }

    private long count(Outcome outcome) {
      return operations.stream().filter(o -> o.outcome() == outcome).count();
    }

    // ------------------------------------------------------------ the checks

    private Verdict acknowledgedOnce() {
      List<String> violations = new ArrayList<>();
      int repeats = 0;
      for (Map.Entry<List<Object>, List<Operation>> request : requests.entrySet()) {
        List<Operation> attempts = request.getValue();
        Operation first = attempts.get(0);
        boolean acknowledged = attempts.stream().anyMatch(o -> o.outcome() == Outcome.OK);
        List<ContributionEvent> contributionEffects = contributionEffects(first);
        List<ReviewEvent> decisionEffects = decisionEffects(first);
        int effects =
            first.type() == Type.DECIDE ? decisionEffects.size() : contributionEffects.size();
        if (acknowledged && effects == 0) {
          violations.add("lost: " + describe(first) + " was acknowledged, not in the log");
        }
        if (first.type() == Type.DECIDE) {
          if (effects > 1) {
            violations.add(
                "duplicate: " + describe(first) + " is in the log " + effects + " times");
          }
          continue;
        }
        Set<String> ids =
            contributionEffects.stream()
                .map(ContributionEvent::getContributionId)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (ids.size() > 1) {
          violations.add("duplicate: " + describe(first) + " created " + ids);
        } else if (first.type() != Type.SUBMIT && effects > 1) {
          violations.add("duplicate: " + describe(first) + " is in the log " + effects + " times");
        } else {
          repeats += effects - ids.size();
        }
        Set<String> answered =
            attempts.stream()
                .filter(o -> o.outcome() == Outcome.OK && o.type() == Type.SUBMIT)
                .map(Operation::contributionId)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (answered.size() > 1
            || (!answered.isEmpty() && !ids.isEmpty() && !ids.equals(answered))) {
          violations.add(
              "acknowledged as " + answered + " but in the log as " + ids + ": " + describe(first));
        }
      }
      // A contribution submitted twice must be the very same submission (a repeat every fold
      // drops).
      Map<String, Set<List<Object>>> versions = new HashMap<>();
      for (Logged<ContributionEvent> event : log.contributions()) {
        if (event.value().getPayload() instanceof ContributionSubmitted) {
          versions
              .computeIfAbsent(event.value().getContributionId(), id -> new HashSet<>())
              .add(submittedAs(event.value()));
        }
      }
      versions.forEach(
          (id, different) -> {
            if (different.size() > 1) {
              violations.add(
                  "duplicate: contribution " + id + " submitted " + different.size() + " ways");
            }
          });
      // One outcome per revision: a revision's review round ends once (the decision that carries
      // the outcome). Two such decisions of different requests (e.g. two instances deciding at
      // once during a handover) are one too many; the same request twice is a duplicate, above.
      Map<String, Set<String>> outcomes = new TreeMap<>();
      for (Logged<ReviewEvent> logged : log.reviews()) {
        if (!excluded.contains(logged.at())
            && logged.value().getPayload() instanceof DecisionRecorded recorded
            && recorded.getOutcome() != null) {
          ReviewEvent event = logged.value();
          outcomes
              .computeIfAbsent(
                  event.getContributionId() + " r" + event.getRevision(),
                  r -> new java.util.TreeSet<>())
              .add(recorded.getOutcome() + " by " + event.getActor().getPrincipal());
        }
      }
      outcomes.forEach(
          (revision, decided) -> {
            if (decided.size() > 1) {
              violations.add("two outcomes: " + revision + " ends " + decided + " on the topic");
            }
          });
      figures.put("repeats", repeats);
      return new Verdict(Check.ACKNOWLEDGED_ONCE, violations);
    }

    private Verdict noPhantoms() {
      List<String> violations = new ArrayList<>();
      for (Logged<ContributionEvent> logged : log.contributions()) {
        if (excluded.contains(logged.at())) {
          continue;
        }
        ContributionEvent event = logged.value();
        List<Operation> causes = operationsByEffect.getOrDefault(effect(event), List.of());
        phantom(violations, causes, what(event) + " at " + logged.at());
      }
      for (Logged<ReviewEvent> logged : log.reviews()) {
        if (excluded.contains(logged.at())) {
          continue;
        }
        ReviewEvent event = logged.value();
        if (event.getPayload() instanceof DecisionRefused) {
          if (!operationsByEffect.containsKey(effect(event))) {
            violations.add("phantom: refused " + what(event) + " at " + logged.at());
          }
          continue;
        }
        List<Operation> causes = operationsByEffect.getOrDefault(effect(event), List.of());
        phantom(violations, causes, what(event) + " at " + logged.at());
      }
      Set<List<Object>> approvals = approvalsOnTopic();
      for (Logged<RecordEvent> logged : log.records()) {
        RecordEvent event = logged.value();
        if (event.getPayload() instanceof RecordEntry entry
            && !approvals.contains(List.of(entry.getContributionId(), entry.getRevision()))) {
          violations.add(
              "phantom: record entry "
                  + entry.getContributionId()
                  + " r"
                  + entry.getRevision()
                  + " at "
                  + logged.at()
                  + ", never approved");
        }
        if (event.getPayload() instanceof RecordEdition edition) {
          for (EntryRef ref : edition.getEntries()) {
            if (!approvals.contains(List.of(ref.getContributionId(), ref.getRevision()))) {
              violations.add(
                  "phantom: edition "
                      + edition.getEdition()
                      + " of "
                      + event.getProcessId()
                      + " lists "
                      + ref.getContributionId()
                      + " r"
                      + ref.getRevision()
                      + ", never approved");
            }
          }
        }
      }
      return new Verdict(Check.NO_PHANTOMS, violations);
    }

    private void phantom(List<String> violations, List<Operation> causes, String what) {
      if (causes.isEmpty()) {
        violations.add("phantom: " + what + ", no operation asked for it");
      } else if (causes.stream().noneMatch(Operation::mayHaveWritten)) {
        violations.add(
            "phantom: " + what + ", its request was refused: " + describe(causes.get(0)));
      }
    }

    private Verdict approvedInFinalRecord() {
      List<String> violations = new ArrayList<>();
      Map<List<Object>, ContributionContent> texts = new HashMap<>();
      Map<String, Integer> current = new HashMap<>();
      Map<String, String> processOf = new HashMap<>();
      Set<String> withdrawn = new HashSet<>();
      for (Logged<ContributionEvent> logged : log.contributions()) {
        ContributionEvent event = logged.value();
        String id = event.getContributionId();
        processOf.putIfAbsent(id, event.getProcessId());
        if (event.getPayload() instanceof ContributionSubmitted submitted) {
          texts.putIfAbsent(List.of(id, event.getRevision()), submitted.getContent());
        } else if (event.getPayload() instanceof ContributionRevised revised) {
          texts.putIfAbsent(List.of(id, event.getRevision()), revised.getContent());
        } else if (event.getPayload() instanceof ContributionWithdrawn) {
          withdrawn.add(id);
        }
        current.merge(id, event.getRevision(), Math::max);
      }
      Map<List<Object>, Decision> outcomes = new HashMap<>();
      for (Logged<ReviewEvent> logged : log.reviews()) {
        if (!excluded.contains(logged.at())
            && logged.value().getPayload() instanceof DecisionRecorded recorded
            && recorded.getOutcome() != null) {
          ReviewEvent event = logged.value();
          outcomes.put(
              List.of(event.getContributionId(), event.getRevision()), recorded.getOutcome());
        }
      }
      Map<String, Map<String, Integer>> approvedByProcess = new TreeMap<>();
      current.forEach(
          (id, revision) -> {
            if (!withdrawn.contains(id)
                && outcomes.get(List.of(id, revision)) == Decision.APPROVED) {
              approvedByProcess
                  .computeIfAbsent(processOf.get(id), p -> new TreeMap<>())
                  .put(id, revision);
            }
          });
      Map<String, RecordEdition> finalEditions = new TreeMap<>();
      Map<String, RecordEntry> entries = new HashMap<>();
      int editions = 0;
      for (Logged<RecordEvent> logged : log.records()) {
        RecordEvent event = logged.value();
        if (event.getPayload() instanceof RecordEdition edition) {
          editions++;
          finalEditions.put(event.getProcessId(), edition);
          Map<String, Long> listed =
              edition.getEntries().stream()
                  .collect(
                      Collectors.groupingBy(EntryRef::getContributionId, Collectors.counting()));
          listed.forEach(
              (id, n) -> {
                if (n > 1) {
                  violations.add(
                      "edition "
                          + edition.getEdition()
                          + " of "
                          + event.getProcessId()
                          + " lists "
                          + id
                          + " "
                          + n
                          + " times");
                }
              });
        } else if (event.getPayload() instanceof RecordEntry entry) {
          entries.put(logged.key(), entry);
          ContributionContent text =
              texts.get(List.of(entry.getContributionId(), entry.getRevision()));
          if (!entry.getContent().equals(text)) {
            violations.add(
                "entry "
                    + entry.getContributionId()
                    + " at "
                    + logged.at()
                    + " does not carry the text of revision "
                    + entry.getRevision());
          }
        }
      }
      Set<String> processes = new HashSet<>(approvedByProcess.keySet());
      processes.addAll(finalEditions.keySet());
      int published = 0;
      for (String process : processes) {
        Map<String, Integer> approved = approvedByProcess.getOrDefault(process, Map.of());
        RecordEdition last = finalEditions.get(process);
        List<EntryRef> refs = last == null ? List.of() : last.getEntries();
        published += refs.size();
        for (Map.Entry<String, Integer> contribution : approved.entrySet()) {
          String id = contribution.getKey();
          int revision = contribution.getValue();
          List<EntryRef> listed =
              refs.stream().filter(r -> r.getContributionId().equals(id)).toList();
          if (listed.size() != 1) {
            violations.add(
                "approved "
                    + id
                    + " r"
                    + revision
                    + " is in the final record of "
                    + process
                    + " "
                    + listed.size()
                    + " times");
            continue;
          }
          EntryRef ref = listed.get(0);
          RecordEntry entry = entries.get(ref.getKey());
          if (ref.getRevision() != revision || entry == null || entry.getRevision() != revision) {
            violations.add(
                "approved "
                    + id
                    + " r"
                    + revision
                    + " is in the final record as r"
                    + ref.getRevision()
                    + (entry == null
                        ? " without an entry"
                        : " (entry r" + entry.getRevision() + ")"));
          } else if (!entry.getContent().equals(texts.get(List.of(id, revision)))) {
            violations.add(
                "approved " + id + " r" + revision + " is in the final record with another text");
          }
        }
        for (EntryRef ref : refs) {
          if (!approved.containsKey(ref.getContributionId())) {
            violations.add(
                "the final record of "
                    + process
                    + " lists "
                    + ref.getContributionId()
                    + ", whose current revision is not approved");
          }
        }
      }
      figures.put("approved", approvedByProcess.values().stream().mapToInt(Map::size).sum());
      figures.put("editions", editions);
      figures.put("published", published);
      return new Verdict(Check.APPROVED_IN_FINAL_RECORD, violations);
    }

    private Verdict unknownsResolved() {
      List<String> violations = new ArrayList<>();
      int byAnswer = 0;
      int byLog = 0;
      for (List<Operation> attempts : requests.values()) {
        for (Operation unknown : attempts) {
          if (unknown.outcome() != Outcome.UNKNOWN) {
            continue;
          }
          boolean answeredLater =
              attempts.stream()
                  .anyMatch(o -> o.index() > unknown.index() && o.outcome() != Outcome.UNKNOWN);
          if (answeredLater) {
            byAnswer++;
          } else if (!effects(unknown).isEmpty()) {
            byLog++;
          } else {
            violations.add(
                "unresolved: #"
                    + unknown.index()
                    + " "
                    + describe(unknown)
                    + " ("
                    + unknown.error()
                    + "): no later answer, not in the log");
          }
        }
      }
      figures.put("unknown-resolved-by-answer", byAnswer);
      figures.put("unknown-resolved-by-log", byLog);
      return new Verdict(Check.UNKNOWNS_RESOLVED, violations);
    }

    private Verdict deadLettersOnce() {
      List<String> violations = new ArrayList<>();
      Map<Coordinate, List<DeadLetter>> byOriginal = new HashMap<>();
      for (DeadLetter letter : log.deadLetters()) {
        byOriginal.computeIfAbsent(letter.original(), o -> new ArrayList<>()).add(letter);
        if (!poisoned.contains(letter.original())) {
          violations.add(
              "dead letter "
                  + letter.at()
                  + " of "
                  + letter.original()
                  + " ("
                  + letter.exception()
                  + "): a record no test poisoned");
        }
      }
      for (Poison poison : poisons) {
        int found = byOriginal.getOrDefault(poison.at(), List.of()).size();
        if (found != poison.deadLetters()) {
          violations.add(
              "poison "
                  + poison.at()
                  + " has "
                  + found
                  + " dead letter(s), expected "
                  + poison.deadLetters());
        }
      }
      for (Logged<byte[]> record : log.undecodable()) {
        if (!poisoned.contains(record.at())) {
          violations.add("undecodable record " + record.at() + " that no test wrote");
        }
      }
      figures.put("poisons", poisons.size());
      figures.put("dead-letters", log.deadLetters().size());
      return new Verdict(Check.DEAD_LETTERS_ONCE, violations);
    }

    /**
     * The webhook deliveries against the events written while notification-service ran that have
     * one: every contribution event (submitted, revised, withdrawn) and every decision carrying its
     * round's outcome, as notification-service sends them ({@code contribution.*}, {@code
     * review.decided}).
     */
    private Verdict webhookPerEvent() {
      List<String> violations = new ArrayList<>();
      if (!history.webhooksWatched()) {
        return new Verdict(Check.WEBHOOK_PER_EVENT, violations);
      }
      Map<String, Long> received =
          webhookDeliveries.stream()
              .collect(Collectors.groupingBy(id -> id, TreeMap::new, Collectors.counting()));
      // every event that has a webhook (known), and those written while the receiver was watched
      Map<String, String> known = new LinkedHashMap<>();
      Set<String> expected = new HashSet<>();
      for (Logged<ContributionEvent> logged : log.contributions()) {
        String id = logged.value().getEventId().toString();
        known.put(
            id, logged.value().getPayload().getClass().getSimpleName() + " at " + logged.at());
        if (history.webhookExpected(logged.at())) {
          expected.add(id);
        }
      }
      for (Logged<ReviewEvent> logged : log.reviews()) {
        if (logged.value().getPayload() instanceof DecisionRecorded recorded
            && recorded.getOutcome() != null) {
          String id = logged.value().getEventId().toString();
          known.put(id, "decision " + recorded.getOutcome() + " at " + logged.at());
          if (history.webhookExpected(logged.at())) {
            expected.add(id);
          }
        }
      }
      known.forEach(
          (id, event) -> {
            if (expected.contains(id) && !received.containsKey(id)) {
              violations.add("missing webhook: " + event + " (event " + id + ") never delivered");
            }
          });
      received.keySet().stream()
          .filter(id -> !known.containsKey(id))
          .forEach(id -> violations.add("webhook " + id + " delivered for no event in the log"));
      Map<String, Long> redelivered = new TreeMap<>();
      received.forEach(
          (id, times) -> {
            if (times > 1) {
              redelivered.put(id, times);
            }
          });
      figures.put("webhook-deliveries", webhookDeliveries.size());
      figures.put("webhook-events", expected.size());
      figures.put(
          "webhook-redeliveries",
          redelivered.values().stream().mapToLong(times -> times - 1).sum());
      figures.put("webhook-redelivered", redelivered);
      return new Verdict(Check.WEBHOOK_PER_EVENT, violations);
    }

    /**
     * Each contribution's events in log order (one partition: its id is the key): revision 1
     * submitted (a repeat of the very same submission is the idempotent repeat every fold drops),
     * then each revision one more than the last, a withdrawal at the current number and nothing
     * after it; and every acknowledged revision at the number its answer named.
     */
    private Verdict revisionsInOrder() {
      List<String> violations = new ArrayList<>();
      Map<String, List<Logged<ContributionEvent>>> byId = new TreeMap<>();
      for (Logged<ContributionEvent> logged : log.contributions()) {
        byId.computeIfAbsent(logged.value().getContributionId(), id -> new ArrayList<>())
            .add(logged);
      }
      int revisions = 0;
      int withdrawals = 0;
      for (Map.Entry<String, List<Logged<ContributionEvent>>> entry : byId.entrySet()) {
        String id = entry.getKey();
        List<Logged<ContributionEvent>> events = new ArrayList<>(entry.getValue());
        events.sort(
            java.util.Comparator.comparing((Logged<ContributionEvent> e) -> e.partition())
                .thenComparingLong(Logged::offset));
        int current = 0;
        Coordinate withdrawnAt = null;
        for (Logged<ContributionEvent> logged : events) {
          ContributionEvent event = logged.value();
          int revision = event.getRevision();
          if (event.getPayload() instanceof ContributionSubmitted && current != 0) {
            // a repeat: the very same one every fold drops, or one submitted two ways, which
            // ACKNOWLEDGED_ONCE reports
            continue;
          }
          if (withdrawnAt != null) {
            violations.add(
                "after the withdrawal: "
                    + what(event)
                    + " at "
                    + logged.at()
                    + " follows the withdrawal of "
                    + id
                    + " at "
                    + withdrawnAt);
            continue;
          }
          if (event.getPayload() instanceof ContributionSubmitted) {
            if (revision != 1) {
              violations.add("gap: " + id + " submitted as r" + revision + " at " + logged.at());
            }
            current = revision;
          } else if (event.getPayload() instanceof ContributionRevised) {
            revisions++;
            if (revision <= current) {
              violations.add(
                  "doubled revision number: "
                      + what(event)
                      + " at "
                      + logged.at()
                      + ", "
                      + id
                      + " is at r"
                      + current
                      + " already");
            } else if (revision != current + 1) {
              violations.add("gap: " + what(event) + " at " + logged.at() + " follows r" + current);
            }
            current = Math.max(current, revision);
          } else if (event.getPayload() instanceof ContributionWithdrawn) {
            withdrawals++;
            if (revision != current) {
              violations.add(
                  "withdrawal of "
                      + id
                      + " at "
                      + logged.at()
                      + " names r"
                      + revision
                      + ", the current revision is r"
                      + current);
            }
            withdrawnAt = logged.at();
          }
        }
      }
      for (List<Operation> attempts : requests.values()) {
        Operation first = attempts.get(0);
        if (first.type() != Type.REVISE
            || attempts.stream().noneMatch(o -> o.outcome() == Outcome.OK)) {
          continue;
        }
        for (ContributionEvent event : contributionEffects(first)) {
          if (event.getRevision() != first.revision()) {
            violations.add(
                "acknowledged as r"
                    + first.revision()
                    + " but in the log as r"
                    + event.getRevision()
                    + ": "
                    + describe(first));
          }
        }
      }
      figures.put("revisions", revisions);
      figures.put("withdrawals", withdrawals);
      return new Verdict(Check.REVISIONS_IN_ORDER, violations);
    }

    // ------------------------------------------------------------ effects of a request

    /** The events in the log a request could have written (not those a test wrote itself). */
    private List<?> effects(Operation operation) {
      return operation.type() == Type.DECIDE
          ? decisionEffects(operation)
          : contributionEffects(operation);
    }

    private List<ContributionEvent> contributionEffects(Operation operation) {
      return operation.type() == Type.DECIDE
          ? List.of()
          : contributionsByEffect.getOrDefault(effect(operation), List.of());
    }

    /** The decisions recorded (not refusals) that a decision operation asked for. */
    private List<ReviewEvent> decisionEffects(Operation operation) {
      if (operation.type() != Type.DECIDE) {
        return List.of();
      }
      return decisionsByEffect.getOrDefault(effect(operation), List.of()).stream()
          .filter(e -> e.getPayload() instanceof DecisionRecorded)
          .toList();
    }

    /** (contribution id, revision) of every revision whose outcome on the topic is APPROVED. */
    private Set<List<Object>> approvalsOnTopic() {
      Set<List<Object>> approved = new HashSet<>();
      for (Logged<ReviewEvent> logged : log.reviews()) {
        if (!excluded.contains(logged.at())
            && logged.value().getPayload() instanceof DecisionRecorded recorded
            && recorded.getOutcome() == Decision.APPROVED) {
          approved.add(List.of(logged.value().getContributionId(), logged.value().getRevision()));
        }
      }
      return approved;
    }
  }

  // ------------------------------------------------------------ descriptions

  /** What makes two submissions the same one for every fold: who, where, which revision, what. */
  static List<Object> submittedAs(ContributionEvent event) {
    return List.of(
        event.getAgency(), event.getProcessId(), event.getRevision(), event.getPayload());
  }

  private static String describe(Operation operation) {
    return switch (operation.type()) {
      case SUBMIT ->
          "SUBMIT by "
              + operation.agency()
              + " key "
              + operation.key()
              + " \""
              + operation.text().title()
              + "\"";
      case WITHDRAW -> "WITHDRAW " + operation.contributionId() + " key " + operation.key();
      case REVISE ->
          "REVISE "
              + operation.contributionId()
              + " to r"
              + operation.revision()
              + " key "
              + operation.key();
      case DECIDE ->
          operation.decision()
              + " "
              + operation.contributionId()
              + " r"
              + operation.revision()
              + " key "
              + operation.key();
    };
  }

  private static String what(ContributionEvent event) {
    return event.getPayload().getClass().getSimpleName()
        + " "
        + event.getContributionId()
        + " r"
        + event.getRevision()
        + " by "
        + event.getAgency();
  }

  private static String what(ReviewEvent event) {
    return event.getPayload().getClass().getSimpleName()
        + " "
        + event.getContributionId()
        + " r"
        + event.getRevision();
  }
}
