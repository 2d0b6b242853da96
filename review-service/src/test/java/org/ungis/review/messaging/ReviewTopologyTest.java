package org.ungis.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.mock.MockProducerFactory;
import org.springframework.kafka.support.KafkaHeaders;
import org.ungis.events.common.Actor;
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
import org.ungis.review.TestEvents;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.call.CallState;
import org.ungis.review.command.RememberedRequest;
import org.ungis.review.review.HistoryEntry;
import org.ungis.review.review.ItemStatus;
import org.ungis.review.review.ReviewItem;
import org.ungis.schemas.Topics;
import org.ungis.streams.StreamsDeadLetters;

class ReviewTopologyTest {

  static final Instant T0 = Instant.parse("2023-03-01T08:00:00Z");
  static final Instant DEADLINE = Instant.parse("2023-03-31T23:59:59Z");

  final List<String> applied = new ArrayList<>();

  /** Kafka's in-memory producer behind the service's dead-letter recoverer. */
  final MockProducer<byte[], byte[]> deadLetterProducer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());

  Map<String, Object> serdeConfig;
  TopologyTestDriver driver;
  TestInputTopic<String, CallForInputsEvent> processes;
  TestInputTopic<String, ContributionEvent> contributions;
  TestInputTopic<String, ReviewEvent> reviews;
  TestInputTopic<String, byte[]> rawContributions;
  KeyValueStore<String, CallForInputs> calls;
  KeyValueStore<String, ReviewItem> items;

  /** Its own state directory, so that runs of this test side by side do not share one. */
  @TempDir java.nio.file.Path stateDir;

  @BeforeEach
  void start() {
    serdeConfig = Map.of("schema.registry.url", "mock://review-topology-" + UUID.randomUUID());
    StreamsBuilder builder = new StreamsBuilder();
    ReviewTopology.define(builder, serdeConfig, applied::add);

    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "review-service");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
    StreamsDeadLetters.handOver(
        props,
        StreamsDeadLetters.recoverer(
            new KafkaTemplate<>(new MockProducerFactory<>(() -> deadLetterProducer))));
    driver = new TopologyTestDriver(builder.build(), props, T0);

    processes =
        driver.createInputTopic(
            Topics.PROCESSES.name(),
            new StringSerializer(),
            TopicSerdes.value(Topics.PROCESSES, serdeConfig).serializer());
    Serde<ContributionEvent> contributionSerde =
        TopicSerdes.value(Topics.CONTRIBUTIONS, serdeConfig);
    contributions =
        driver.createInputTopic(
            Topics.CONTRIBUTIONS.name(), new StringSerializer(), contributionSerde.serializer());
    reviews =
        driver.createInputTopic(
            Topics.REVIEWS.name(),
            new StringSerializer(),
            TopicSerdes.value(Topics.REVIEWS, serdeConfig).serializer());
    rawContributions =
        driver.createInputTopic(
            Topics.CONTRIBUTIONS.name(), new StringSerializer(), new ByteArraySerializer());
    calls = driver.getKeyValueStore(ViewStores.CALLS);
    items = driver.getKeyValueStore(ViewStores.REVIEW_ITEMS);
  }

  List<ProducerRecord<byte[], byte[]>> deadLetters() {
    return deadLetterProducer.history();
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void theCallsViewKeepsTheLatestSnapshotOfEachCall() {
    CallForInputsEvent opened = call(CallChange.OPENED, CallStatus.OPEN, List.of());
    processes.pipeInput("gdc-2023", opened);
    assertThat(calls.get("gdc-2023").state()).isEqualTo(CallState.OPEN);

    CallForInputsEvent extended =
        call(
            CallChange.EXTENSION_GRANTED,
            CallStatus.OPEN,
            List.of(new DeadlineExtension("FAO", DEADLINE.plusSeconds(86_400), "travel")));
    CallForInputsEvent closed =
        call(CallChange.CLOSED, CallStatus.CLOSED, extended.getExtensions());
    processes.pipeInput("gdc-2023", extended);
    processes.pipeInput("gdc-2023", closed);

    CallForInputs call = calls.get("gdc-2023");
    assertThat(call.state()).isEqualTo(CallState.CLOSED);
    assertThat(call.requiredApprovals()).isEqualTo(2);
    assertThat(call.deadlineFor("FAO")).isEqualTo(DEADLINE.plusSeconds(86_400));
    assertThat(applied)
        .containsExactly(
            opened.getEventId().toString(),
            extended.getEventId().toString(),
            closed.getEventId().toString());

    processes.pipeInput("gdc-2023", (CallForInputsEvent) null);
    assertThat(calls.get("gdc-2023")).isNull();
  }

  @Test
  void aClosedCallIsFinalASnapshotThatWouldReopenItGoesToTheDeadLetterTopic() {
    processes.pipeInput("gdc-2023", call(CallChange.OPENED, CallStatus.OPEN, List.of()));
    CallForInputsEvent closed = call(CallChange.CLOSED, CallStatus.CLOSED, List.of());
    processes.pipeInput("gdc-2023", closed);
    // an extension granted during a handover by an instance whose view still showed it open
    CallForInputsEvent reopening =
        call(
            CallChange.EXTENSION_GRANTED,
            CallStatus.OPEN,
            List.of(new DeadlineExtension("FAO", DEADLINE.plusSeconds(86_400), "late")));
    processes.pipeInput("gdc-2023", reopening);

    CallForInputs call = calls.get("gdc-2023");
    assertThat(call.state()).isEqualTo(CallState.CLOSED);
    assertThat(call.deadlineFor("FAO")).isEqualTo(DEADLINE);
    assertThat(applied).doesNotContain(reopening.getEventId().toString());
    assertThat(deadLetters())
        .singleElement()
        .satisfies(
            dl -> {
              assertThat(dl.topic()).isEqualTo(Topics.PROCESSES.deadLetterTopic());
              assertThat(
                      TopicSerdes.value(Topics.PROCESSES, serdeConfig)
                          .deserializer()
                          .deserialize(Topics.PROCESSES.name(), dl.value()))
                  .isEqualTo(reopening);
              assertThat(header(dl, KafkaHeaders.DLT_EXCEPTION_MESSAGE)).contains("closed");
            });

    // closing again (a replay) is fine, and the stream goes on
    processes.pipeInput("gdc-2023", call(CallChange.CLOSED, CallStatus.CLOSED, List.of()));
    assertThat(calls.get("gdc-2023").state()).isEqualTo(CallState.CLOSED);
    assertThat(deadLetters()).hasSize(1);
  }

  @Test
  void contributionsJoinedWithDecisionsGiveTheReviewQueue() {
    ContributionEvent submitted = TestEvents.submitted("c-1", "gdc-2023", "FAO", "Food", T0);
    contributions.pipeInput("c-1", submitted);
    ReviewItem item = items.get("c-1");
    assertThat(item.isPending()).isTrue();
    assertThat(item.title()).isEqualTo("Food");
    assertThat(item.summary()).isEqualTo("Summary of Food");
    assertThat(item.submittedAt()).isEqualTo(T0);

    ReviewEvent changes =
        decision("c-1", 1, Decision.CHANGES_REQUESTED, Decision.CHANGES_REQUESTED);
    reviews.pipeInput("c-1", changes);
    assertThat(items.get("c-1").status()).isEqualTo(ItemStatus.CHANGES_REQUESTED);

    Instant revisedAt = T0.plusSeconds(3600);
    contributions.pipeInput(
        "c-1", TestEvents.revised("c-1", "gdc-2023", "FAO", 2, "Food (rev.)", revisedAt));
    item = items.get("c-1");
    assertThat(item.isPending()).isTrue();
    assertThat(item.revision()).isEqualTo(2);
    assertThat(item.submittedAt()).isEqualTo(revisedAt);

    // A late approval of revision 1 is history, marked stale; it approves nothing.
    reviews.pipeInput("c-1", decision("c-1", 1, Decision.APPROVED, Decision.APPROVED));
    item = items.get("c-1");
    assertThat(item.isPending()).isTrue();
    // Both decisions on revision 1 are stale now that revision 2 is current (ReviewRule).
    ReviewItem atRevision2 = item;
    assertThat(item.history()).extracting(atRevision2::isStale).containsExactly(true, true);

    reviews.pipeInput("c-1", refused("c-1", 2, "RECUSAL"));
    reviews.pipeInput("c-1", decision("c-1", 2, Decision.APPROVED, Decision.APPROVED));
    item = items.get("c-1");
    assertThat(item.status()).isEqualTo(ItemStatus.APPROVED);
    assertThat(item.history())
        .extracting(HistoryEntry::refused)
        .containsExactly(false, false, true, false);
    assertThat(applied)
        .contains(submitted.getEventId().toString(), changes.getEventId().toString());

    contributions.pipeInput("c-1", TestEvents.withdrawn("c-1", "gdc-2023", "FAO", 2, revisedAt));
    assertThat(items.get("c-1").status()).isEqualTo(ItemStatus.WITHDRAWN);
    assertThat(deadLetters()).isEmpty();
  }

  @Test
  void theIdempotencyKeyOfADecisionIsRememberedFromItsHeaders() {
    contributions.pipeInput("c-4", TestEvents.submitted("c-4", "gdc-2023", "FAO", "Food", T0));
    ReviewEvent approval = decision("c-4", 1, Decision.APPROVED, Decision.APPROVED);
    RecordHeaders headers = new RecordHeaders();
    headers.add("ungis-idempotency-key", "key-1".getBytes(StandardCharsets.UTF_8));
    headers.add("ungis-idempotency-fingerprint", "f1".getBytes(StandardCharsets.UTF_8));
    reviews.pipeInput(new org.apache.kafka.streams.test.TestRecord<>("c-4", approval, headers, T0));

    KeyValueStore<String, RememberedRequest> requests =
        driver.getKeyValueStore(ViewStores.DECISION_REQUESTS);
    // scoped by the acting agency (the chair ITU)
    assertThat(requests.get("ITU/key-1"))
        .isEqualTo(new RememberedRequest("f1", approval.getEventId().toString(), "c-4"));
    assertThat(requests.get("FAO/key-1")).isNull();
  }

  @Test
  void anUndecodableRecordGoesToTheDeadLetterTopicWithItsBytesAndTheStreamGoesOn() {
    byte[] garbage = "not avro at all".getBytes(StandardCharsets.UTF_8);
    RecordHeaders headers = new RecordHeaders();
    headers.add(new RecordHeader("trace", "t-1".getBytes(StandardCharsets.UTF_8)));
    rawContributions.pipeInput(
        new org.apache.kafka.streams.test.TestRecord<>("c-9", garbage, headers, T0));
    contributions.pipeInput("c-2", TestEvents.submitted("c-2", "gdc-2023", "ILO", "Work", T0));

    assertThat(deadLetters())
        .singleElement()
        .satisfies(
            dl -> {
              assertThat(dl.topic()).isEqualTo(Topics.CONTRIBUTIONS.deadLetterTopic());
              assertThat(new String(dl.key(), StandardCharsets.UTF_8)).isEqualTo("c-9");
              assertThat(dl.value()).isEqualTo(garbage);
              assertThat(header(dl, "trace")).isEqualTo("t-1");
              assertThat(header(dl, KafkaHeaders.DLT_ORIGINAL_TOPIC))
                  .isEqualTo(Topics.CONTRIBUTIONS.name());
              assertThat(
                      ByteBuffer.wrap(
                              dl.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_OFFSET).value())
                          .getLong())
                  .isZero();
              assertThat(header(dl, KafkaHeaders.DLT_EXCEPTION_FQCN)).isNotBlank();
            });
    assertThat(items.get("c-2").isPending()).isTrue();
  }

  @Test
  void aRecordTheDomainRefusesGoesToTheDeadLetterTopicAndTheStreamGoesOn() {
    ReviewEvent orphan = decision("c-unknown", 1, Decision.APPROVED, Decision.APPROVED);
    reviews.pipeInput("c-unknown", orphan);
    contributions.pipeInput("c-3", TestEvents.submitted("c-3", "gdc-2023", "WHO", "Health", T0));

    assertThat(deadLetters())
        .singleElement()
        .satisfies(
            dl -> {
              assertThat(dl.topic()).isEqualTo(Topics.REVIEWS.deadLetterTopic());
              // the original bytes, which still decode to the refused event
              assertThat(
                      TopicSerdes.value(Topics.REVIEWS, serdeConfig)
                          .deserializer()
                          .deserialize(Topics.REVIEWS.name(), dl.value()))
                  .isEqualTo(orphan);
              assertThat(header(dl, KafkaHeaders.DLT_EXCEPTION_MESSAGE))
                  .contains("unknown contribution");
            });
    assertThat(items.get("c-unknown")).isNull();
    assertThat(items.get("c-3")).isNotNull();
  }

  private static String header(ProducerRecord<byte[], byte[]> record, String name) {
    Header h = record.headers().lastHeader(name);
    return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
  }

  private static Actor chair() {
    return Actor.newBuilder()
        .setAgency("ITU")
        .setPrincipal("chair@itu.int")
        .setRole(ActorRole.CHAIR)
        .build();
  }

  private static CallForInputsEvent call(
      CallChange change, CallStatus status, List<DeadlineExtension> extensions) {
    return CallForInputsEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(T0)
        .setActor(chair())
        .setProcessId("gdc-2023")
        .setChange(change)
        .setTitle("UNGIS joint input to the Global Digital Compact")
        .setDescription("")
        .setDeadline(DEADLINE)
        .setStatus(status)
        .setRequiredApprovals(2)
        .setExtensions(extensions)
        .build();
  }

  private static ReviewEvent decision(
      String id, int revision, Decision decision, Decision outcome) {
    return review(id, revision, new DecisionRecorded(decision, "comment", outcome));
  }

  private static ReviewEvent refused(String id, int revision, String reason) {
    return review(id, revision, new DecisionRefused(Decision.APPROVED, reason, "refused"));
  }

  private static ReviewEvent review(String id, int revision, Object payload) {
    return ReviewEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(T0.plusSeconds(60))
        .setActor(chair())
        .setContributionId(id)
        .setProcessId("gdc-2023")
        .setAgency("FAO")
        .setRevision(revision)
        .setPayload(payload)
        .build();
  }
}
