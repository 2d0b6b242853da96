package org.ungis.contributions.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ungis.reference.Roster;

/** The use cases with in-memory ports: the fold below stands in for the Kafka Streams view. */
class ContributionServiceTest {

  static final Instant NOW = Instant.parse("2023-03-01T10:00:00Z");
  static final Actor ITU = new Actor("ITU", "jane.doe@itu.int");
  static final Actor UNDP = new Actor("UNDP", "intake@undp.int");
  static final Actor REVIEWER =
      new Actor("UNCTAD", "reviewer-1@unctad.int", Set.of(Actor.Role.REVIEWER));
  static final Actor NO_ROLE = new Actor("ITU", "nobody@itu.int", Set.of());

  final Map<String, Call> calls =
      new ConcurrentHashMap<>(
          Map.of(
              "gdc-2023",
              new Call("gdc-2023", "GDC", true, NOW.plusSeconds(86_400), Map.of()),
              "hlpf-2023",
              new Call("hlpf-2023", "HLPF", false, NOW.plusSeconds(86_400), Map.of())));
  final InMemoryViews views = new InMemoryViews();

  /** Runs when a command looks its call up: after it read the view, before it publishes. */
  volatile Runnable afterViewRead = () -> {};

  /** When set, the next publish is made durable but its client is told it failed. */
  volatile boolean ackLost;

  final List<ContributionChange> published = Collections.synchronizedList(new ArrayList<>());
  final ContributionService service =
      new ContributionService(
          Roster.load(),
          id -> {
            afterViewRead.run();
            return Optional.ofNullable(calls.get(id));
          },
          views,
          (change, idempotency) -> {
            published.add(change);
            views.fold(change, idempotency);
            if (ackLost) {
              ackLost = false;
              throw new RefusedException(Refusal.UNAVAILABLE, "the broker did not confirm");
            }
          },
          Clock.fixed(NOW, ZoneOffset.UTC),
          Duration.ofMillis(200));
  final ExecutorService pool = Executors.newFixedThreadPool(2);

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  static Content.Draft draft(String title) {
    return new Content.Draft(title, "", "body", "EN", List.of("C7"), List.of(9), List.of());
  }

  @Test
  void aSubmissionIsPublishedAndAnsweredFromTheView() {
    var submission = service.submit(ITU, "gdc-2023", draft("First"), null);

    assertThat(submission.replayed()).isFalse();
    assertThat(submission.contribution().status()).isEqualTo(ContributionStatus.SUBMITTED);
    assertThat(published).singleElement().isInstanceOf(ContributionChange.Submitted.class);
    assertThat(service.get(submission.contribution().id()).revision()).isEqualTo(1);
  }

  static Refusal refusal(Runnable action) {
    try {
      action.run();
    } catch (RefusedException e) {
      return e.refusal();
    }
    return null;
  }

  @Test
  void onlyAgenciesDoIntakeAndAnAgencyReadsAndChangesOnlyItsOwnContributions() {
    String id = service.submit(ITU, "gdc-2023", draft("Mine"), null).contribution().id();

    assertThat(refusal(() -> service.submit(REVIEWER, "gdc-2023", draft("t"), null)))
        .isEqualTo(Refusal.FORBIDDEN);
    assertThat(refusal(() -> service.submit(NO_ROLE, "gdc-2023", draft("t"), null)))
        .isEqualTo(Refusal.FORBIDDEN);
    assertThat(refusal(() -> service.revise(REVIEWER, id, draft("t"), null, null)))
        .isEqualTo(Refusal.FORBIDDEN);
    assertThat(refusal(() -> service.revise(UNDP, id, draft("t"), null, null)))
        .isEqualTo(Refusal.NOT_FOUND);
    assertThat(refusal(() -> service.withdraw(REVIEWER, id, "why"))).isEqualTo(Refusal.FORBIDDEN);
    assertThat(refusal(() -> service.withdraw(UNDP, id, "why"))).isEqualTo(Refusal.NOT_FOUND);
    assertThat(refusal(() -> service.get(UNDP, id))).isEqualTo(Refusal.NOT_FOUND);
    assertThat(refusal(() -> service.get(NO_ROLE, id))).isEqualTo(Refusal.NOT_FOUND);
    assertThat(published).hasSize(1);

    assertThat(service.get(ITU, id).id()).isEqualTo(id);
    assertThat(service.get(REVIEWER, id).id()).isEqualTo(id);
  }

  @Test
  void aWithdrawalOnAClosedCallFollowsTheChairsRule() {
    String id = service.submit(ITU, "gdc-2023", draft("Mine"), null).contribution().id();
    calls.put("gdc-2023", new Call("gdc-2023", "GDC", false, NOW.plusSeconds(86_400), Map.of()));

    assertThat(refusal(() -> service.withdraw(ITU, id, "Superseded")))
        .isEqualTo(Refusal.CALL_CLOSED);
    assertThat(published).hasSize(1);

    calls.put(
        "gdc-2023", new Call("gdc-2023", "GDC", false, NOW.plusSeconds(86_400), Map.of(), true));
    assertThat(service.withdraw(ITU, id, "Superseded").status())
        .isEqualTo(ContributionStatus.WITHDRAWN);
    assertThat(published).hasSize(2);
  }

  @Test
  void aReviewerOffTheCurrentRotaReadsNoDraftAndListsNothing() {
    String id = service.submit(ITU, "gdc-2023", draft("Mine"), null).contribution().id();
    // UNESCWA vice-chairs 2025-2026, not 2023-2024 (the service's clock says 2023).
    Actor offRota = new Actor("UNESCWA", "karim.mansour@un.org", Set.of(Actor.Role.REVIEWER));

    assertThat(refusal(() -> service.get(offRota, id))).isEqualTo(Refusal.NOT_FOUND);
    assertThat(refusal(() -> service.list(offRota, query(null)))).isEqualTo(Refusal.FORBIDDEN);
    assertThat(service.get(REVIEWER, id).id()).isEqualTo(id);
  }

  @Test
  void anotherAgencyLearnsNothingFromARevisionNamingAnotherCall() {
    String id = service.submit(ITU, "gdc-2023", draft("Mine"), null).contribution().id();

    assertThat(refusal(() -> service.revise(UNDP, id, "hlpf-2023", draft("t"), null, null)))
        .isEqualTo(Refusal.NOT_FOUND);
    assertThat(refusal(() -> service.revise(ITU, id, "hlpf-2023", draft("t"), null, null)))
        .isEqualTo(Refusal.VALIDATION);
  }

  @Test
  void anAgencyListsOnlyItsOwnContributionsAndAReviewerListsEveryone() {
    String mine = service.submit(ITU, "gdc-2023", draft("ITU's"), null).contribution().id();
    String theirs = service.submit(UNDP, "gdc-2023", draft("UNDP's"), null).contribution().id();

    assertThat(ids(service.list(ITU, query(null)))).containsExactly(mine);
    assertThat(ids(service.list(ITU, query("itu")))).containsExactly(mine);
    assertThat(refusal(() -> service.list(ITU, query("UNDP")))).isEqualTo(Refusal.FORBIDDEN);
    assertThat(refusal(() -> service.list(NO_ROLE, query(null)))).isEqualTo(Refusal.FORBIDDEN);
    assertThat(ids(service.list(REVIEWER, query(null)))).containsExactlyInAnyOrder(mine, theirs);
    assertThat(ids(service.list(REVIEWER, query("UNDP")))).containsExactly(theirs);
  }

  @Test
  void everyFilterOfTheListNarrowsItAndTheyCombine() {
    String english =
        service
            .submit(
                ITU,
                "gdc-2023",
                new Content.Draft(
                    "Meaningful Connectivity",
                    "Broadband for schools",
                    "body",
                    "EN",
                    List.of("C2"),
                    List.of(4, 9),
                    List.of()),
                null)
            .contribution()
            .id();
    String french =
        service
            .submit(
                UNDP,
                "gdc-2023",
                new Content.Draft(
                    "Inclusion numérique",
                    "Des compétences pour tous",
                    "corps",
                    "FR",
                    List.of("C4"),
                    List.of(4),
                    List.of()),
                null)
            .contribution()
            .id();

    assertThat(ids(service.list(REVIEWER, filtered(Language.FR, null, null, null))))
        .containsExactly(french);
    assertThat(ids(service.list(REVIEWER, filtered(null, 9, null, null)))).containsExactly(english);
    assertThat(ids(service.list(REVIEWER, filtered(null, 4, null, null))))
        .containsExactlyInAnyOrder(english, french);
    assertThat(ids(service.list(REVIEWER, filtered(null, null, ActionLine.C4, null))))
        .containsExactly(french);
    assertThat(ids(service.list(REVIEWER, filtered(null, null, null, "CONNECTIVITY"))))
        .containsExactly(english);
    assertThat(ids(service.list(REVIEWER, filtered(null, null, null, "compétences"))))
        .as("the summary is searched too")
        .containsExactly(french);
    assertThat(ids(service.list(REVIEWER, filtered(Language.EN, 4, ActionLine.C4, null))))
        .as("filters combine")
        .isEmpty();
  }

  static ContributionQuery filtered(Language language, Integer sdg, ActionLine line, String q) {
    return new ContributionQuery(
        new ContributionFilter(null, null, null, language, sdg, line, q), 0, 20);
  }

  static ContributionQuery query(String agency) {
    return new ContributionQuery(ContributionFilter.ALL.withAgency(agency), 0, 20);
  }

  static List<String> ids(Page<Contribution> page) {
    return page.items().stream().map(Contribution::id).toList();
  }

  @Test
  void refusalsPublishNothing() {
    assertThatThrownBy(() -> service.submit(new Actor("ACME", "x"), "gdc-2023", draft("t"), null))
        .extracting(e -> ((RefusedException) e).refusal())
        .isEqualTo(Refusal.UNKNOWN_AGENCY);
    assertThatThrownBy(() -> service.submit(ITU, "nope", draft("t"), null))
        .extracting(e -> ((RefusedException) e).refusal())
        .isEqualTo(Refusal.UNKNOWN_PROCESS);
    assertThatThrownBy(() -> service.submit(ITU, "hlpf-2023", draft("t"), null))
        .extracting(e -> ((RefusedException) e).refusal())
        .isEqualTo(Refusal.CALL_CLOSED);
    assertThatThrownBy(() -> service.submit(ITU, "gdc-2023", draft(" "), null))
        .extracting(e -> ((RefusedException) e).refusal())
        .isEqualTo(Refusal.VALIDATION);
    assertThat(published).isEmpty();
  }

  @Test
  void aRetryWithTheSameKeyReplaysAndADifferentRequestIsRefused() {
    var first = service.submit(ITU, "gdc-2023", draft("Once"), "key-1");
    var retry = service.submit(ITU, "gdc-2023", draft("Once"), "key-1");

    assertThat(retry.replayed()).isTrue();
    assertThat(retry.contribution().id()).isEqualTo(first.contribution().id());
    assertThat(published).hasSize(1);
    assertThatThrownBy(() -> service.submit(ITU, "gdc-2023", draft("Other"), "key-1"))
        .extracting(e -> ((RefusedException) e).refusal())
        .isEqualTo(Refusal.IDEMPOTENCY_KEY_REUSED);
    var otherAgency =
        service.submit(new Actor("UNDP", "someone"), "gdc-2023", draft("Once"), "key-1");
    assertThat(otherAgency.replayed()).isFalse();
  }

  @Test
  void aRetryMadeBeforeTheFirstAttemptShowsNamesTheSameContribution() {
    views.lagging = true;
    ackLost = true;
    assertThatThrownBy(() -> service.submit(ITU, "gdc-2023", draft("First"), "key-1"))
        .isInstanceOfSatisfying(
            RefusedException.class, e -> assertThat(e.refusal()).isEqualTo(Refusal.UNAVAILABLE));

    var retry = service.submit(ITU, "gdc-2023", draft("First"), "key-1");
    views.lagging = false;
    views.catchUp();

    assertThat(published).hasSize(2);
    assertThat(views.store).containsOnlyKeys(retry.contribution().id());
    assertThat(service.submit(ITU, "gdc-2023", draft("First"), "key-1").contribution().id())
        .isEqualTo(retry.contribution().id());
  }

  @Test
  void aRetryWithAnotherBodyAfterALostAcknowledgementIsRefused() {
    ackLost = true;
    assertThatThrownBy(() -> service.submit(ITU, "gdc-2023", draft("First"), "key-2"))
        .isInstanceOf(RefusedException.class);

    assertThatThrownBy(() -> service.submit(ITU, "gdc-2023", draft("Other"), "key-2"))
        .isInstanceOfSatisfying(
            RefusedException.class,
            e -> assertThat(e.refusal()).isEqualTo(Refusal.IDEMPOTENCY_KEY_REUSED));
    assertThat(views.store.values())
        .singleElement()
        .satisfies(c -> assertThat(c.content().title()).isEqualTo("First"));
  }

  @Test
  void ofTwoConcurrentRevisionsOfRevisionOneExactlyOneWins() throws Exception {
    String id = service.submit(ITU, "gdc-2023", draft("Base"), null).contribution().id();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Refusal>> results = new ArrayList<>();
    for (String title : List.of("Left", "Right")) {
      Callable<Refusal> revise =
          () -> {
            start.await();
            try {
              service.revise(ITU, id, draft(title), null, 1);
              return null;
            } catch (RefusedException e) {
              return e.refusal();
            }
          };
      results.add(pool.submit(revise));
    }
    start.countDown();
    List<Refusal> outcomes = new ArrayList<>();
    for (Future<Refusal> result : results) {
      outcomes.add(result.get());
    }

    assertThat(outcomes).containsExactlyInAnyOrder(null, Refusal.STALE_REVISION);
    assertThat(service.get(id).revision()).isEqualTo(2);
    assertThat(published).hasSize(2);
  }

  @Test
  void aWriteIsAnsweredOnceDurableAndARetryOrAReadBeforeTheViewShowsItSeesIt() {
    views.lagging = true;
    var first = service.submit(ITU, "gdc-2023", draft("Durable"), "key-3");
    assertThat(first.replayed()).isFalse();
    assertThat(views.store).isEmpty();

    var retry = service.submit(ITU, "gdc-2023", draft("Durable"), "key-3");
    assertThat(retry.replayed()).isTrue();
    assertThat(retry.contribution().id()).isEqualTo(first.contribution().id());
    assertThat(published).hasSize(1);
    assertThatThrownBy(() -> service.submit(ITU, "gdc-2023", draft("Other"), "key-3"))
        .extracting(e -> ((RefusedException) e).refusal())
        .isEqualTo(Refusal.IDEMPOTENCY_KEY_REUSED);
    String id = first.contribution().id();
    assertThat(refusal(() -> service.get(ITU, id))).isEqualTo(Refusal.UNAVAILABLE);
    assertThat(refusal(() -> service.list(ITU, query(null)))).isEqualTo(Refusal.UNAVAILABLE);

    views.lagging = false;
    views.catchUp();
    assertThat(service.get(ITU, id).content().title()).isEqualTo("Durable");
    assertThat(service.list(ITU, query(null)).items()).extracting(Contribution::id).contains(id);
    service.shown(id, 1);
    assertThat(service.submit(ITU, "gdc-2023", draft("Durable"), "key-3").replayed()).isTrue();
    assertThat(published).hasSize(1);
  }

  @Test
  void aWriteWhosePartitionMovedAwayBeforeItsFoldDoesNotHoldUpLaterLists() {
    views.lagging = true;
    String id = service.submit(ITU, "gdc-2023", draft("Moved"), null).contribution().id();
    assertThat(refusal(() -> service.list(ITU, query(null)))).isEqualTo(Refusal.UNAVAILABLE);

    views.elsewhere.add(id);
    assertThat(service.list(ITU, query(null)).items()).isEmpty();
    views.elsewhere.clear();
    assertThat(service.list(ITU, query(null)).items()).isEmpty();
  }

  @Test
  void whenTheViewLagsTheWriteAnswersFromTheAggregateAndTheNextWriteWaitsForIt() {
    views.lagging = true;
    var submission = service.submit(ITU, "gdc-2023", draft("Durable"), null);
    assertThat(submission.contribution().revision()).isEqualTo(1);
    assertThat(published).hasSize(1);
    String id = submission.contribution().id();
    assertThatThrownBy(() -> service.revise(ITU, id, draft("too early"), null, 1))
        .extracting(e -> ((RefusedException) e).refusal())
        .isEqualTo(Refusal.UNAVAILABLE);
    assertThat(published).hasSize(1);

    views.lagging = false;
    views.catchUp();
    Contribution revised =
        service.revise(ITU, submission.contribution().id(), draft("v2"), null, 1);
    assertThat(revised.revision()).isEqualTo(2);
  }

  @Test
  void aChangeDecidedBeforeThePartitionMovedAwayIsNotPublishedAndTheRetryIsDecidedAfresh() {
    String id = service.submit(ITU, "gdc-2023", draft("Base"), null).contribution().id();
    String keyed = IdempotentRequest.contributionIdFor("ITU", "key-moved");
    // A rebalance moves the partitions to another instance after the view was read.
    afterViewRead = () -> views.elsewhere.addAll(List.of(id, keyed));

    assertThat(refusal(() -> service.revise(ITU, id, draft("Stale"), null, 1)))
        .isEqualTo(Refusal.UNAVAILABLE);
    views.elsewhere.clear();
    assertThat(refusal(() -> service.withdraw(ITU, id, "from a stale view")))
        .isEqualTo(Refusal.UNAVAILABLE);
    views.elsewhere.clear();
    assertThat(refusal(() -> service.submit(ITU, "gdc-2023", draft("Keyed"), "key-moved")))
        .isEqualTo(Refusal.UNAVAILABLE);
    assertThat(published).hasSize(1);

    // Served here again (as by the new owner): nothing was written, so the retries go through.
    afterViewRead = () -> {};
    views.elsewhere.clear();
    assertThat(service.revise(ITU, id, draft("Retried"), null, 1).revision()).isEqualTo(2);
    assertThat(service.submit(ITU, "gdc-2023", draft("Keyed"), "key-moved").replayed()).isFalse();
    assertThat(published).hasSize(3);
  }

  /** A view that folds published changes with the aggregate, like the stream topology. */
  static final class InMemoryViews implements ContributionViews {
    final Map<String, Contribution.State> store = new ConcurrentHashMap<>();
    final Map<String, IdempotentRequest> keys = new ConcurrentHashMap<>();
    final List<Map.Entry<ContributionChange, Optional<IdempotentRequest>>> backlog =
        new ArrayList<>();
    volatile boolean lagging;
    final Set<String> elsewhere = ConcurrentHashMap.newKeySet();

    @Override
    public boolean servedElsewhere(String id) {
      return elsewhere.contains(id);
    }

    @Override
    public void checkServedHere(String id) {
      if (elsewhere.contains(id)) {
        throw new RefusedException(Refusal.UNAVAILABLE, "the partition moved; retry");
      }
    }

    synchronized void fold(ContributionChange change, IdempotentRequest idempotency) {
      if (lagging) {
        backlog.add(Map.entry(change, Optional.ofNullable(idempotency)));
        return;
      }
      Contribution c;
      if (change instanceof ContributionChange.Submitted s) {
        if (store.containsKey(s.contributionId()) && idempotency != null) {
          return; // a retried keyed submission whose first attempt had landed
        }
        c = Contribution.submit(s.meta(), s.contributionId(), s.processId(), s.content());
        if (idempotency != null) {
          keys.put(idempotency.agency() + "/" + idempotency.key(), idempotency);
        }
      } else if (change instanceof ContributionChange.Revised r) {
        c = Contribution.restore(store.get(r.contributionId()));
        c.revise(r.meta(), r.content(), r.note());
      } else {
        var w = (ContributionChange.Withdrawn) change;
        c = Contribution.restore(store.get(w.contributionId()));
        c.withdraw(w.meta(), w.reason());
      }
      store.put(c.id(), c.state());
    }

    synchronized void catchUp() {
      var pending = new ArrayList<>(backlog);
      backlog.clear();
      pending.forEach(entry -> fold(entry.getKey(), entry.getValue().orElse(null)));
    }

    @Override
    public Optional<Contribution> find(String id) {
      return Optional.ofNullable(store.get(id)).map(Contribution::restore);
    }

    @Override
    public Optional<Contribution> awaitChanges(String id, int changes, Duration timeout) {
      return find(id).filter(c -> c.changes() >= changes);
    }

    @Override
    public Page<Contribution> list(ContributionQuery query) {
      return Page.of(
          store.values().stream().map(Contribution::restore).filter(query::matches).toList(),
          query.page(),
          query.size());
    }

    @Override
    public Optional<IdempotentRequest> idempotentRequest(String agency, String key) {
      return Optional.ofNullable(keys.get(agency + "/" + key));
    }
  }
}
