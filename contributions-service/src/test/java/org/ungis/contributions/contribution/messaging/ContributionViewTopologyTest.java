package org.ungis.contributions.contribution.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.ungis.contributions.contribution.Actor;
import org.ungis.contributions.contribution.Content;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionChange;
import org.ungis.contributions.contribution.ContributionFilter;
import org.ungis.contributions.contribution.ContributionOrder;
import org.ungis.contributions.contribution.ContributionStatus;
import org.ungis.contributions.contribution.HistoryEntry;
import org.ungis.contributions.contribution.IdempotentRequest;
import org.ungis.contributions.contribution.Language;
import org.ungis.contributions.contribution.Review;
import org.ungis.events.common.ActorRole;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.process.DeadlineExtension;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.DecisionRefused;
import org.ungis.events.review.ReviewEvent;
import org.ungis.schemas.Topics;
import org.ungis.streams.IdempotencyHeaders;
import org.ungis.streams.StreamsDeadLetters;

class ContributionViewTopologyTest {

  static final Instant T0 = Instant.parse("2023-03-01T10:00:00Z");
  static final Actor ITU = new Actor("ITU", "jane.doe@itu.int");
  static final Map<String, Object> SERDE_CONFIG =
      Map.of("schema.registry.url", "mock://contributions-topology-test");

  /** Kafka's in-memory producer behind the service's dead-letter recoverer. */
  final MockProducer<byte[], byte[]> deadLetterProducer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

  TopologyTestDriver driver;
  TestInputTopic<String, ContributionEvent> contributions;
  TestInputTopic<String, ReviewEvent> reviews;
  TestInputTopic<String, CallForInputsEvent> processes;
  KeyValueStore<String, Contribution.State> store;

  @TempDir Path stateDir;

  @BeforeEach
  void start() {
    StreamsBuilder builder = new StreamsBuilder();
    ContributionViewTopology.build(builder, SERDE_CONFIG);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "contributions-topology-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    StreamsDeadLetters.handOver(
        props,
        StreamsDeadLetters.recoverer(
            new KafkaTemplate<>(new MockProducerFactory<>(() -> deadLetterProducer))));
    driver = new TopologyTestDriver(builder.build(), props);
    contributions =
        driver.createInputTopic(
            Topics.CONTRIBUTIONS.name(),
            new StringSerializer(),
            Topics.CONTRIBUTIONS.valueSerde(SERDE_CONFIG).serializer());
    reviews =
        driver.createInputTopic(
            Topics.REVIEWS.name(),
            new StringSerializer(),
            Topics.REVIEWS.valueSerde(SERDE_CONFIG).serializer());
    processes =
        driver.createInputTopic(
            Topics.PROCESSES.name(),
            new StringSerializer(),
            Topics.PROCESSES.valueSerde(SERDE_CONFIG).serializer());
    store = driver.getKeyValueStore(ContributionViewTopology.CONTRIBUTIONS_STORE);
  }

  List<ProducerRecord<byte[], byte[]>> deadLetters() {
    return deadLetterProducer.history();
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static Content content(String title) {
    return new Content(
        title, "summary", "body " + title, Language.EN, List.of(), List.of(9), List.of());
  }

  static ContributionChange.Meta meta(int minutes) {
    return new ContributionChange.Meta(UUID.randomUUID(), T0.plusSeconds(60L * minutes), ITU);
  }

  ContributionEvent submit(String id) {
    Contribution c = Contribution.submit(meta(0), id, "gdc-2023", content("First"));
    ContributionEvent event = AvroMapping.toAvro(c.pullChanges().get(0));
    contributions.pipeInput(id, event, T0);
    return event;
  }

  ReviewEvent decision(String id, int revision, Decision decision, Decision outcome, int minutes) {
    return ReviewEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(T0.plusSeconds(60L * minutes))
        .setActor(
            org.ungis.events.common.Actor.newBuilder()
                .setAgency("UNDP")
                .setPrincipal("chair@undp.org")
                .setRole(ActorRole.CHAIR)
                .build())
        .setContributionId(id)
        .setProcessId("gdc-2023")
        .setAgency("ITU")
        .setRevision(revision)
        .setPayload(
            DecisionRecorded.newBuilder()
                .setDecision(decision)
                .setComment("please cite sources")
                .setOutcome(outcome)
                .build())
        .build();
  }

  @Test
  void aSubmissionBecomesASubmittedContribution() {
    submit("c-1");

    Contribution c = Contribution.restore(store.get("c-1"));
    assertThat(c.status()).isEqualTo(ContributionStatus.SUBMITTED);
    assertThat(c.revision()).isEqualTo(1);
    assertThat(c.agency()).isEqualTo("ITU");
    assertThat(c.content().title()).isEqualTo("First");
    assertThat(c.changes()).isEqualTo(1);
  }

  @Test
  void changesRequestedThenRevisionMakesTheEarlierDecisionStale() {
    submit("c-1");
    reviews.pipeInput(
        "c-1", decision("c-1", 1, Decision.CHANGES_REQUESTED, Decision.CHANGES_REQUESTED, 5));
    assertThat(store.get("c-1").status()).isEqualTo(ContributionStatus.CHANGES_REQUESTED);

    Contribution c = Contribution.restore(store.get("c-1"));
    c.revise(meta(10), content("Second"), "added sources");
    contributions.pipeInput("c-1", AvroMapping.toAvro(c.pullChanges().get(0)));
    reviews.pipeInput("c-1", decision("c-1", 1, Decision.APPROVED, Decision.APPROVED, 11));

    Contribution.State state = store.get("c-1");
    assertThat(state.status()).isEqualTo(ContributionStatus.SUBMITTED);
    assertThat(state.revision()).isEqualTo(2);
    assertThat(state.content().title()).isEqualTo("Second");
    assertThat(state.reviews()).hasSize(2).allMatch(Review::stale);

    reviews.pipeInput("c-1", decision("c-1", 2, Decision.APPROVED, Decision.APPROVED, 12));
    assertThat(store.get("c-1").status()).isEqualTo(ContributionStatus.APPROVED);
  }

  void submitAs(Actor actor, String id, String process, int minutes) {
    Contribution c =
        Contribution.submit(
            new ContributionChange.Meta(UUID.randomUUID(), T0.plusSeconds(60L * minutes), actor),
            id,
            process,
            content(id));
    contributions.pipeInput(id, AvroMapping.toAvro(c.pullChanges().get(0)));
  }

  ContributionMatches.Found first(ContributionFilter filter, ContributionOrder order, int limit) {
    KeyValueStore<String, String> index =
        driver.getKeyValueStore(ContributionViewTopology.INDEX_STORE);
    return ContributionMatches.first(
        new ContributionMatches.PartitionStores() {
          @Override
          public ReadOnlyKeyValueStore<String, Contribution.State> contributions(int partition) {
            return store;
          }

          @Override
          public ReadOnlyKeyValueStore<String, String> index(int partition) {
            return index;
          }
        },
        Set.of(0),
        filter,
        order,
        limit);
  }

  /** What a whole scan answers: every stored contribution tested, sorted, cut. */
  List<String> scanned(ContributionFilter filter, ContributionOrder order, int limit) {
    List<Contribution.State> all = new ArrayList<>();
    try (var it = store.all()) {
      it.forEachRemaining(kv -> all.add(kv.value));
    }
    return all.stream()
        .filter(state -> filter.matches(Contribution.restore(state)))
        .sorted(order.comparator())
        .limit(limit)
        .map(Contribution.State::id)
        .toList();
  }

  static List<String> ids(ContributionMatches.Found found) {
    return found.items().stream().map(Contribution.State::id).toList();
  }

  @Test
  void theIndexReadsAnAgencysContributionsInEitherOrderAsAScanWould() {
    driver.advanceWallClockTime(ContributionEventFolder.INDEX_CHECK);
    assertThat(index().get(ContributionIndex.COMPLETE)).as("an empty store's index").isNotNull();
    Actor undp = new Actor("UNDP", "focal@undp.org");
    submitAs(ITU, "c-1", "gdc-2023", 0);
    submitAs(ITU, "c-2", "gdc-2023", 1);
    submitAs(ITU, "c-3", "wsis-2024", 2);
    submitAs(undp, "u-1", "gdc-2023", 3);
    Contribution c1 = Contribution.restore(store.get("c-1"));
    c1.revise(meta(10), content("c-1 again"), null);
    contributions.pipeInput("c-1", AvroMapping.toAvro(c1.pullChanges().get(0)));
    reviews.pipeInput("c-2", decision("c-2", 1, Decision.APPROVED, Decision.APPROVED, 20));

    ContributionFilter itu = ContributionFilter.ALL.withAgency("ITU");
    ContributionFilter ituGdc =
        new ContributionFilter("ITU", "gdc-2023", null, null, null, null, null);
    assertThat(ids(first(itu, ContributionOrder.SUBMITTED, 10)))
        .containsExactly("c-1", "c-2", "c-3");
    assertThat(ids(first(itu, ContributionOrder.RECENTLY_UPDATED, 10)))
        .containsExactly("c-2", "c-1", "c-3");
    ContributionMatches.Found newest = first(itu, ContributionOrder.RECENTLY_UPDATED, 1);
    assertThat(ids(newest)).containsExactly("c-2");
    assertThat(newest.total()).isEqualTo(3);
    ContributionMatches.Found ofCall = first(ituGdc, ContributionOrder.RECENTLY_UPDATED, 1);
    assertThat(ids(ofCall)).containsExactly("c-2");
    assertThat(ofCall.total()).isEqualTo(2);
    assertThat(
            first(ContributionFilter.ALL.withAgency("UNESCO"), ContributionOrder.SUBMITTED, 5)
                .total())
        .isZero();
    assertListsAsAScanWould();
  }

  KeyValueStore<String, String> index() {
    return driver.getKeyValueStore(ContributionViewTopology.INDEX_STORE);
  }

  /** Every shape of filter, order and limit answers what a scan of every contribution does. */
  void assertListsAsAScanWould() {
    for (ContributionOrder order : ContributionOrder.values()) {
      for (ContributionFilter filter :
          List.of(
              ContributionFilter.ALL.withAgency("ITU"),
              new ContributionFilter("ITU", "gdc-2023", null, null, null, null, null),
              ContributionFilter.ALL,
              new ContributionFilter(
                  "ITU", null, ContributionStatus.SUBMITTED, null, null, null, null),
              new ContributionFilter(null, "gdc-2023", null, null, null, null, null),
              new ContributionFilter("ITU", "gdc-2023", null, null, null, null, "again"))) {
        for (int limit : List.of(1, 2, 10)) {
          ContributionMatches.Found found = first(filter, order, limit);
          assertThat(ids(found))
              .as("%s %s %d", filter, order, limit)
              .isEqualTo(scanned(filter, order, limit));
          assertThat(found.total())
              .as("%s %s", filter, order)
              .isEqualTo(scanned(filter, order, 100).size());
        }
      }
    }
  }

  @Test
  void contributionsFoldedWithoutTheIndexAreIndexedOnceTheTaskRunsAndScannedUntilThen() {
    Actor undp = new Actor("UNDP", "focal@undp.org");
    submitAs(ITU, "c-1", "gdc-2023", 0);
    submitAs(ITU, "c-2", "wsis-2024", 1);
    submitAs(undp, "u-1", "gdc-2023", 2);
    // what a version without the index left: the aggregates only
    List<String> keys = new ArrayList<>();
    try (var it = index().all()) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    keys.forEach(index()::delete);
    assertListsAsAScanWould();

    driver.advanceWallClockTime(ContributionEventFolder.INDEX_CHECK);

    assertThat(index().get(ContributionIndex.COMPLETE)).isNotNull();
    ContributionFilter itu = ContributionFilter.ALL.withAgency("ITU");
    assertThat(first(itu, ContributionOrder.SUBMITTED, 1).total()).isEqualTo(2);
    submitAs(ITU, "c-3", "gdc-2023", 3);
    assertListsAsAScanWould();
    assertThat(first(itu, ContributionOrder.SUBMITTED, 1).total()).isEqualTo(3);
  }

  @Test
  void aChangeMovesAContributionsIndexEntriesInsteadOfAddingSome() {
    driver.advanceWallClockTime(ContributionEventFolder.INDEX_CHECK);
    submitAs(ITU, "c-1", "gdc-2023", 0);
    Contribution c = Contribution.restore(store.get("c-1"));
    c.withdraw(meta(3), "superseded");
    contributions.pipeInput("c-1", AvroMapping.toAvro(c.pullChanges().get(0)));
    reviews.pipeInput("c-1", decision("c-1", 1, Decision.APPROVED, Decision.APPROVED, 5));

    KeyValueStore<String, String> index =
        driver.getKeyValueStore(ContributionViewTopology.INDEX_STORE);
    List<String> keys = new ArrayList<>();
    try (var it = index.all()) {
      it.forEachRemaining(kv -> keys.add(kv.key));
    }
    // two orders under the agency and under the agency's call, the two counts and the mark
    assertThat(keys).hasSize(7).containsAll(ContributionIndex.keys(store.get("c-1")));
    assertThat(
            ContributionIndex.storedCount(
                index.get(
                    ContributionIndex.countKey(
                        ContributionIndex.prefix(ContributionFilter.ALL.withAgency("ITU"))))))
        .isEqualTo(1);
  }

  @Test
  void aWithdrawalIsFolded() {
    submit("c-1");
    Contribution c = Contribution.restore(store.get("c-1"));
    c.withdraw(meta(3), "superseded");
    contributions.pipeInput("c-1", AvroMapping.toAvro(c.pullChanges().get(0)));

    assertThat(store.get("c-1").status()).isEqualTo(ContributionStatus.WITHDRAWN);
    assertThat(store.get("c-1").withdrawalReason()).isEqualTo("superseded");
  }

  @Test
  void idempotencyKeysTravelAsHeadersIntoTheirStore() {
    Contribution c = Contribution.submit(meta(0), "c-7", "gdc-2023", content("First"));
    var headers = new RecordHeaders();
    IdempotencyHeaders.write(headers, "key-1", "abc");
    contributions.pipeInput(
        new org.apache.kafka.streams.test.TestRecord<>(
            "c-7", AvroMapping.toAvro(c.pullChanges().get(0)), headers, T0));

    KeyValueStore<String, IdempotentRequest> keys =
        driver.getKeyValueStore(ContributionViewTopology.IDEMPOTENCY_STORE);
    assertThat(keys.get("ITU/key-1"))
        .isEqualTo(new IdempotentRequest("ITU", "key-1", "abc", "c-7"));
  }

  @Test
  void callsAreAGlobalTable() {
    processes.pipeInput(
        "gdc-2023",
        CallForInputsEvent.newBuilder()
            .setEventId(UUID.randomUUID())
            .setOccurredAt(T0)
            .setActor(
                org.ungis.events.common.Actor.newBuilder()
                    .setAgency("ITU")
                    .setPrincipal("chair@itu.int")
                    .setRole(ActorRole.CHAIR)
                    .build())
            .setProcessId("gdc-2023")
            .setChange(CallChange.EXTENSION_GRANTED)
            .setTitle("Global Digital Compact")
            .setDeadline(T0.plusSeconds(86_400))
            .setStatus(CallStatus.OPEN)
            .setExtensions(
                List.of(
                    DeadlineExtension.newBuilder()
                        .setAgency("UNDP")
                        .setDeadline(T0.plusSeconds(2 * 86_400))
                        .setReason("field offices")
                        .build()))
            .build());

    KeyValueStore<String, CallForInputsEvent> calls =
        driver.getKeyValueStore(ContributionViewTopology.CALLS_STORE);
    var call = AvroMapping.toDomain(calls.get("gdc-2023"));
    assertThat(call.open()).isTrue();
    assertThat(call.deadlineFor("UNDP")).isEqualTo(T0.plusSeconds(2 * 86_400));
    assertThat(call.deadlineFor("ITU")).isEqualTo(T0.plusSeconds(86_400));
  }

  @Test
  void aRetriedKeyedSubmissionThatLandsTwiceIsOneContribution() {
    String id = IdempotentRequest.contributionIdFor("ITU", "key-9");
    IdempotentRequest request = new IdempotentRequest("ITU", "key-9", "abc", id);
    for (String title : List.of("First attempt", "Retry")) {
      Contribution c = Contribution.submit(meta(0), id, "gdc-2023", content(title));
      var headers = new RecordHeaders();
      IdempotencyHeaders.write(headers, request.key(), request.fingerprint());
      contributions.pipeInput(
          new org.apache.kafka.streams.test.TestRecord<>(
              id, AvroMapping.toAvro(c.pullChanges().get(0)), headers, T0));
    }

    Contribution c = Contribution.restore(store.get(id));
    assertThat(c.content().title()).isEqualTo("First attempt");
    assertThat(c.changes()).isEqualTo(1);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void aSecondSubmissionOfAnIdThatIsNotARetryIsADeadLetter() {
    submit("c-1");
    submit("c-1");

    assertThat(deadLetters())
        .singleElement()
        .satisfies(
            dlt -> assertThat(dlt.topic()).isEqualTo(Topics.CONTRIBUTIONS.deadLetterTopic()));
    assertThat(Contribution.restore(store.get("c-1")).changes()).isEqualTo(1);
  }

  @Test
  void undecodableRecordsGoToTheirDeadLetterTopicWithTheirBytesAndTheStreamGoesOn() {
    var garbageReviews =
        driver.createInputTopic(
            Topics.REVIEWS.name(), new StringSerializer(), new ByteArraySerializer());
    byte[] garbage = "not avro".getBytes(StandardCharsets.UTF_8);
    var headers = new RecordHeaders().add("trace", "t-1".getBytes(StandardCharsets.UTF_8));

    garbageReviews.pipeInput(
        new org.apache.kafka.streams.test.TestRecord<>("c-1", garbage, headers, T0));
    submit("c-2");

    // The global table's dead letters (processes) are checked in ContributionsServiceIT: the
    // TopologyTestDriver always logs and skips undecodable global records.
    assertThat(deadLetters()).hasSize(1);
    ProducerRecord<byte[], byte[]> review = deadLetters().get(0);
    assertThat(review.topic()).isEqualTo(Topics.REVIEWS.deadLetterTopic());
    assertThat(review.key()).isEqualTo("c-1".getBytes(StandardCharsets.UTF_8));
    assertThat(review.value()).isEqualTo(garbage);
    assertThat(review.headers().lastHeader("trace").value())
        .isEqualTo("t-1".getBytes(StandardCharsets.UTF_8));
    assertThat(
            new String(
                review.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value(),
                StandardCharsets.UTF_8))
        .isEqualTo(Topics.REVIEWS.name());
    assertThat(store.get("c-2")).isNotNull();
  }

  @Test
  void aDecisionReadBeforeItsContributionWaitsForItAndIsAppliedWhenItArrives() {
    ReviewEvent approval = decision("c-1", 1, Decision.APPROVED, Decision.APPROVED, 5);
    reviews.pipeInput("c-1", approval);
    reviews.pipeInput("c-1", refusal("c-1", 1, "RECUSAL"));
    assertThat(store.get("c-1")).isNull();
    assertThat(driver.producedTopicNames())
        .as("the held decisions are logged, so a restarted instance still has them")
        .contains("contributions-topology-test-early-decisions-changelog");

    submit("c-1");

    Contribution c = Contribution.restore(store.get("c-1"));
    assertThat(c.status()).isEqualTo(ContributionStatus.APPROVED);
    assertThat(c.reviews()).singleElement().satisfies(r -> assertThat(r.stale()).isFalse());
    assertSubmittedDecidedAndRefused(c);
    assertThat(c.history().get(1).eventId()).isEqualTo(approval.getEventId());
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void aDecisionOnARevisionReadBeforeThatRevisionWaitsForIt() {
    submit("c-1");
    reviews.pipeInput(
        "c-1", decision("c-1", 1, Decision.CHANGES_REQUESTED, Decision.CHANGES_REQUESTED, 5));
    Contribution c = Contribution.restore(store.get("c-1"));
    c.revise(meta(10), content("Second"), "added sources");
    ContributionEvent revised = AvroMapping.toAvro(c.pullChanges().get(0));

    reviews.pipeInput("c-1", decision("c-1", 2, Decision.APPROVED, Decision.APPROVED, 12));
    assertThat(store.get("c-1").status()).isEqualTo(ContributionStatus.CHANGES_REQUESTED);
    contributions.pipeInput("c-1", revised);

    Contribution.State state = store.get("c-1");
    assertThat(state.revision()).isEqualTo(2);
    assertThat(state.status()).isEqualTo(ContributionStatus.APPROVED);
    assertThat(state.reviews())
        .extracting(Review::revision, Review::stale)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(1, true),
            org.assertj.core.groups.Tuple.tuple(2, false));
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void atMostABoundedNumberOfDecisionsWaitForOneContributionTheNextIsADeadLetter() {
    for (int i = 0; i <= HeldDecisions.MAX_PER_CONTRIBUTION; i++) {
      reviews.pipeInput("c-9", decision("c-9", 1, Decision.APPROVED, null, i));
    }

    assertThat(deadLetters())
        .singleElement()
        .satisfies(d -> assertThat(d.topic()).isEqualTo(Topics.REVIEWS.deadLetterTopic()));
    submit("c-9");
    assertThat(store.get("c-9").reviews()).hasSize(HeldDecisions.MAX_PER_CONTRIBUTION);
  }

  @Test
  void aDecisionWhoseContributionNeverComesIsADeadLetterWithItsBytesAfterTheBound() {
    TestOutputTopic<byte[], byte[]> expired =
        driver.createOutputTopic(
            Topics.REVIEWS.deadLetterTopic(),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer());
    ReviewEvent orphan = decision("c-unknown", 1, Decision.APPROVED, Decision.APPROVED, 1);
    reviews.pipeInput("c-unknown", orphan);
    reviews.pipeInput("c-unknown", refusal("c-unknown", 1, "NOT_ON_ROTA"));
    submit("c-3");
    driver.advanceWallClockTime(ContributionViewTopology.EARLY_DECISION_BOUND.minusMinutes(5));
    assertThat(expired.isEmpty()).isTrue();

    driver.advanceWallClockTime(java.time.Duration.ofMinutes(10));
    List<TestRecord<byte[], byte[]>> letters = expired.readRecordsToList();
    driver.advanceWallClockTime(java.time.Duration.ofMinutes(10));

    // An output of the topology, written in the stream's transaction together with the held
    // decision's removal from the store (exactly_once_v2), not sent by the recoverer's own producer
    // beside it, where a crash before the commit would send it again; and given up once.
    assertThat(deadLetters()).isEmpty();
    assertThat(expired.isEmpty()).isTrue();
    KeyValueStore<String, Object> early =
        driver.getKeyValueStore(ContributionViewTopology.EARLY_DECISIONS_STORE);
    assertThat(early.get("c-unknown")).isNull();
    assertThat(letters)
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.key()).isEqualTo("c-unknown".getBytes(StandardCharsets.UTF_8));
              assertThat(d.value())
                  .isEqualTo(
                      Topics.REVIEWS
                          .valueSerde(SERDE_CONFIG)
                          .serializer()
                          .serialize(Topics.REVIEWS.name(), orphan));
              assertThat(
                      new String(
                          d.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC).value(),
                          StandardCharsets.UTF_8))
                  .isEqualTo(Topics.REVIEWS.name());
              assertThat(
                      new String(
                          d.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(),
                          StandardCharsets.UTF_8))
                  .contains("unknown contribution");
            });
    assertThat(store.get("c-unknown")).isNull();
    assertThat(store.get("c-3")).isNotNull();

    submit("c-unknown");
    assertThat(store.get("c-unknown").status()).isEqualTo(ContributionStatus.SUBMITTED);
  }

  @Test
  void aDecisionKeyedOtherwiseThanByItsContributionIsADeadLetterAtOnce() {
    submit("c-4");
    ReviewEvent misplaced = decision("c-4", 1, Decision.APPROVED, Decision.APPROVED, 1);
    reviews.pipeInput("not-c-4", misplaced);

    assertThat(deadLetters())
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.key()).isEqualTo("not-c-4".getBytes(StandardCharsets.UTF_8));
              assertThat(d.value())
                  .isEqualTo(
                      Topics.REVIEWS
                          .valueSerde(SERDE_CONFIG)
                          .serializer()
                          .serialize(Topics.REVIEWS.name(), misplaced));
              assertThat(
                      new String(
                          d.headers().lastHeader(KafkaHeaders.DLT_EXCEPTION_MESSAGE).value(),
                          StandardCharsets.UTF_8))
                  .contains("does not match the event's contribution id c-4");
            });
    assertThat(store.get("c-4").status()).isEqualTo(ContributionStatus.SUBMITTED);
  }

  static void assertSubmittedDecidedAndRefused(Contribution c) {
    assertThat(c.history())
        .extracting(HistoryEntry::kind)
        .containsExactly(
            HistoryEntry.Kind.SUBMITTED,
            HistoryEntry.Kind.DECISION_RECORDED,
            HistoryEntry.Kind.DECISION_REFUSED);
  }

  ReviewEvent refusal(String id, int revision, String reason) {
    return ReviewEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(T0.plusSeconds(600))
        .setActor(
            org.ungis.events.common.Actor.newBuilder()
                .setAgency("ITU")
                .setPrincipal("reviewer-1@itu.int")
                .setRole(ActorRole.VICE_CHAIR)
                .build())
        .setContributionId(id)
        .setProcessId("gdc-2023")
        .setAgency("ITU")
        .setRevision(revision)
        .setPayload(
            DecisionRefused.newBuilder()
                .setAttempted(Decision.APPROVED)
                .setReason(reason)
                .setMessage("ITU may not decide on its own contribution")
                .build())
        .build();
  }

  @Test
  void aRefusedDecisionIsKeptInTheHistoryAndChangesNothingElse() {
    ContributionEvent submitted = submit("c-1");
    reviews.pipeInput("c-1", decision("c-1", 1, Decision.APPROVED, null, 5));
    ReviewEvent refused = refusal("c-1", 1, "RECUSAL");
    reviews.pipeInput("c-1", refused);
    reviews.pipeInput("c-unknown", refusal("c-unknown", 1, "NOT_ON_ROTA"));

    Contribution c = Contribution.restore(store.get("c-1"));
    assertThat(c.status()).isEqualTo(ContributionStatus.SUBMITTED);
    assertThat(c.reviews()).hasSize(1);
    assertSubmittedDecidedAndRefused(c);
    assertThat(c.history().get(0).eventId()).isEqualTo(submitted.getEventId());
    HistoryEntry entry = c.history().get(2);
    assertThat(entry.eventId()).isEqualTo(refused.getEventId());
    assertThat(entry.reason()).isEqualTo("RECUSAL");
    assertThat(entry.actorPrincipal()).isEqualTo("reviewer-1@itu.int");
    assertThat(entry.actorRole()).isEqualTo("VICE_CHAIR");
    assertThat(store.get("c-unknown")).isNull();
    assertThat(deadLetters()).isEmpty();
  }
}
