package org.ungis.publication.record.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ungis.publication.record.messaging.InputEvents.approved;
import static org.ungis.publication.record.messaging.InputEvents.call;
import static org.ungis.publication.record.messaging.InputEvents.content;
import static org.ungis.publication.record.messaging.InputEvents.decided;
import static org.ungis.publication.record.messaging.InputEvents.revised;
import static org.ungis.publication.record.messaging.InputEvents.submitted;
import static org.ungis.publication.record.messaging.InputEvents.withdrawn;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEntry;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.Decision;
import org.ungis.events.review.ReviewEvent;
import org.ungis.publication.client.RecordAssembler;
import org.ungis.publication.record.ConsolidatedRecord;
import org.ungis.reference.Roster;
import org.ungis.schemas.Topics;

class PublicationTopologyTest {

  static final String GDC = "gdc-2023";
  static final Instant T0 = Instant.parse("2023-03-01T09:00:00Z");

  @TempDir Path stateDir;

  EventSerdes serdes;
  PublicationMetrics metrics = PublicationMetrics.inMemory();
  TopologyTestDriver driver;
  TestInputTopic<String, ContributionEvent> contributions;
  TestInputTopic<String, ReviewEvent> reviews;
  TestInputTopic<String, CallForInputsEvent> processes;
  TestOutputTopic<String, byte[]> records;
  Deserializer<RecordEvent> recordDeserializer;

  @BeforeEach
  void startTopology() {
    serdes =
        EventSerdes.from(Map.of("schema.registry.url", "mock://publication-" + UUID.randomUUID()));
    StreamsBuilder builder = new StreamsBuilder();
    PublicationTopology.build(
        builder,
        serdes,
        Roster.load(),
        metrics,
        PublicationTopology.EDITION_INTERVAL,
        Stores::inMemoryKeyValueStore);
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "publication-service");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    // The driver commits after every record; under exactly_once_v2 each commit also writes the
    // stores' checkpoint files, which makes thousands of records slow without testing anything
    // more (the driver does not simulate transactions). The service itself runs exactly_once_v2.
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    driver = new TopologyTestDriver(builder.build(), config);
    StringSerializer keys = new StringSerializer();
    contributions =
        driver.createInputTopic(
            Topics.CONTRIBUTIONS.name(), keys, serdes.contributions().serializer());
    reviews = driver.createInputTopic(Topics.REVIEWS.name(), keys, serdes.reviews().serializer());
    processes =
        driver.createInputTopic(Topics.PROCESSES.name(), keys, serdes.processes().serializer());
    records =
        driver.createOutputTopic(
            Topics.RECORDS.name(), new StringDeserializer(), new ByteArrayDeserializer());
    recordDeserializer = serdes.records().deserializer();
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  static Instant at(int minutes) {
    return T0.plusSeconds(60L * minutes);
  }

  void open() {
    processes.pipeInput(GDC, call(GDC, CallStatus.OPEN, T0), T0);
  }

  void submit(String id, String agency, String title, int minute) {
    contributions.pipeInput(
        id, submitted(id, GDC, agency, content(title, "Body of " + title), at(minute)), at(minute));
  }

  void approve(String id, String agency, int revision, int minute) {
    reviews.pipeInput(id, approved(id, GDC, agency, revision, at(minute)), at(minute));
  }

  /** One edition interval of wall-clock time passes: the changed records get their editions. */
  void tick() {
    driver.advanceWallClockTime(PublicationTopology.EDITION_INTERVAL);
  }

  List<KeyValue<String, RecordEvent>> published() {
    return records.readKeyValuesToList().stream()
        .map(kv -> KeyValue.pair(kv.key, recordDeserializer.deserialize(kv.key, kv.value)))
        .toList();
  }

  static RecordEdition manifest(KeyValue<String, RecordEvent> message) {
    return (RecordEdition) message.value.getPayload();
  }

  static List<String> refs(RecordEdition edition) {
    return edition.getEntries().stream().map(r -> r.getContributionId()).toList();
  }

  @Test
  void anApprovalPublishesEditionOneWithTheEntry() {
    open();
    submit("c-itu", "ITU", "Digital public infrastructure", 1);
    assertThat(published()).as("a submission alone publishes nothing").isEmpty();

    approve("c-itu", "ITU", 1, 5);
    assertThat(published()).as("not before the edition interval").isEmpty();
    tick();

    List<KeyValue<String, RecordEvent>> out = published();
    assertThat(out).extracting(kv -> kv.key).containsExactly(GDC + "/c-itu", GDC);
    RecordEntry entry = (RecordEntry) out.get(0).value.getPayload();
    assertThat(entry.getAgency()).isEqualTo("ITU");
    assertThat(entry.getAgencyName()).isEqualTo("International Telecommunication Union");
    assertThat(entry.getContent().getTitle()).isEqualTo("Digital public infrastructure");
    assertThat(entry.getRevision()).isEqualTo(1);
    assertThat(entry.getApprovedAt()).isEqualTo(at(5));
    RecordEdition edition = manifest(out.get(1));
    assertThat(edition.getEdition()).isEqualTo(1);
    assertThat(edition.getFinal$()).isFalse();
    assertThat(edition.getCallTitle()).isEqualTo("UNGIS joint input to the Global Digital Compact");
    assertThat(edition.getEntries()).hasSize(1);
    assertThat(edition.getEntries().get(0).getKey()).isEqualTo(GDC + "/c-itu");
  }

  @Test
  void editionsFollowApprovalsWithdrawalsAndClosure() {
    open();
    submit("c-undp", "UNDP", "Inclusive digital transformation", 1);
    submit("c-itu", "ITU", "Digital public infrastructure", 2);

    approve("c-undp", "UNDP", 1, 10);
    tick();
    assertThat(manifest(published().get(1)).getEdition()).isEqualTo(1);

    approve("c-itu", "ITU", 1, 11);
    tick();
    List<KeyValue<String, RecordEvent>> second = published();
    assertThat(second).extracting(kv -> kv.key).containsExactly(GDC + "/c-itu", GDC);
    assertThat(manifest(second.get(1)).getEdition()).isEqualTo(2);
    assertThat(refs(manifest(second.get(1)))).containsExactly("c-itu", "c-undp");

    approve("c-itu", "ITU", 1, 11);
    tick();
    assertThat(published()).as("a re-delivered approval publishes nothing").isEmpty();

    contributions.pipeInput("c-itu", withdrawn("c-itu", GDC, "ITU", 1, at(20)), at(20));
    tick();
    List<KeyValue<String, RecordEvent>> third = published();
    assertThat(third).extracting(kv -> kv.key).containsExactly(GDC + "/c-itu", GDC);
    assertThat(third.get(0).value).as("tombstone").isNull();
    assertThat(manifest(third.get(1)).getEdition()).isEqualTo(3);
    assertThat(refs(manifest(third.get(1)))).containsExactly("c-undp");

    processes.pipeInput(GDC, call(GDC, CallStatus.CLOSED, at(30)), at(30));
    List<KeyValue<String, RecordEvent>> closing = published();
    // (at once, without waiting for the interval)
    assertThat(closing).hasSize(1);
    assertThat(manifest(closing.get(0)).getEdition()).isEqualTo(4);
    assertThat(manifest(closing.get(0)).getFinal$()).isTrue();
    assertThat(refs(manifest(closing.get(0)))).containsExactly("c-undp");

    processes.pipeInput(GDC, call(GDC, CallStatus.CLOSED, at(30)), at(30));
    assertThat(published()).as("the same closure again").isEmpty();

    KeyValueStore<String, ValueAndTimestamp<RecordEvent>> served =
        driver.getTimestampedKeyValueStore(PublicationTopology.PUBLISHED);
    assertThat(((RecordEdition) served.get(GDC).value().getPayload()).getEdition()).isEqualTo(4);
    assertThat(served.get(GDC + "/c-itu")).isNull();

    var meters = metrics.registry();
    assertThat(
            meters.counter(PublicationMetrics.EDITIONS, "process", GDC, "final", "false").count())
        .isEqualTo(3);
    assertThat(meters.counter(PublicationMetrics.EDITIONS, "process", GDC, "final", "true").count())
        .isEqualTo(1);
    assertThat(meters.counter(PublicationMetrics.ENTRIES_PUBLISHED, "process", GDC).count())
        .isEqualTo(2);
    assertThat(meters.counter(PublicationMetrics.ENTRIES_REMOVED, "process", GDC).count())
        .isEqualTo(1);
  }

  @Test
  void aWithdrawalAfterTheFinalEditionPublishesACorrigendumThatSaysWhatChanged() {
    open();
    submit("c-itu", "ITU", "Digital public goods", 1);
    submit("c-undp", "UNDP", "Inclusive connectivity", 2);
    approve("c-itu", "ITU", 1, 3);
    approve("c-undp", "UNDP", 1, 4);
    tick();
    published();
    processes.pipeInput(GDC, call(GDC, CallStatus.CLOSED, at(30)), at(30));
    RecordEdition fin = manifest(published().get(0));
    assertThat(fin.getFinal$()).isTrue();
    assertThat(fin.getCorrigendum()).isZero();
    assertThat(fin.getSymbol()).isEqualTo("UNGIS/2023/GDC/1");

    contributions.pipeInput("c-itu", withdrawn("c-itu", GDC, "ITU", 1, at(40)), at(40));
    tick();
    List<KeyValue<String, RecordEvent>> corrigendum = published();
    assertThat(corrigendum).extracting(kv -> kv.key).containsExactly(GDC + "/c-itu", GDC);
    assertThat(corrigendum.get(0).value).as("tombstone").isNull();
    RecordEdition corr = manifest(corrigendum.get(1));
    assertThat(corr.getEdition()).isEqualTo(fin.getEdition() + 1);
    assertThat(corr.getFinal$()).isTrue();
    assertThat(corr.getCorrigendum()).isEqualTo(1);
    assertThat(refs(corr)).containsExactly("c-undp");
    assertThat(corr.getCorrections())
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.getKind()).isEqualTo("WITHDRAWN");
              assertThat(c.getAgency()).isEqualTo("ITU");
              assertThat(c.getTitle()).isEqualTo("Digital public goods");
              assertThat(c.getOccurredAt()).isEqualTo(at(40));
            });
  }

  @Test
  void onlyAnApprovalOfTheCurrentRevisionCountsAndItCarriesThatText() {
    open();
    submit("c1", "UNESCO", "Draft", 1);
    reviews.pipeInput(
        "c1",
        decided(
            "c1", GDC, "UNESCO", 1, Decision.CHANGES_REQUESTED, Decision.CHANGES_REQUESTED, at(2)),
        at(2));
    contributions.pipeInput(
        "c1", revised("c1", GDC, "UNESCO", 2, content("Revised", "Better body"), at(3)), at(3));
    approve("c1", "UNESCO", 1, 4);
    reviews.pipeInput("c1", decided("c1", GDC, "UNESCO", 2, Decision.APPROVED, null, at(5)), at(5));
    tick();
    assertThat(published()).as("stale approval, and an approval short of quorum").isEmpty();

    approve("c1", "UNESCO", 2, 6);
    tick();

    RecordEntry entry = (RecordEntry) published().get(0).value.getPayload();
    assertThat(entry.getRevision()).isEqualTo(2);
    assertThat(entry.getContent().getTitle()).isEqualTo("Revised");
    assertThat(entry.getSubmittedAt()).isEqualTo(at(1));
  }

  @Test
  void aRevisionsRoundEndsOnceSoALaterOutcomeForItChangesNothing() {
    // Two reviewers answered by two review-service instances during a partition handover: both
    // decisions are on the reviews topic; the first outcome is the round's, as review-service and
    // contributions-service read it.
    open();
    submit("c1", "UNESCO", "Rejected first", 1);
    submit("c2", "ITU", "Approved first", 1);
    reviews.pipeInput(
        "c1", decided("c1", GDC, "UNESCO", 1, Decision.REJECTED, Decision.REJECTED, at(2)), at(2));
    approve("c1", "UNESCO", 1, 3);
    approve("c2", "ITU", 1, 2);
    reviews.pipeInput(
        "c2", decided("c2", GDC, "ITU", 1, Decision.REJECTED, Decision.REJECTED, at(3)), at(3));
    tick();

    List<KeyValue<String, RecordEvent>> out = published();
    assertThat(out).extracting(kv -> kv.key).containsExactly(GDC + "/c2", GDC);
    assertThat(refs(manifest(out.get(1)))).containsExactly("c2");
  }

  @Test
  void anApprovalThatArrivesBeforeTheCallAndTheTextIsPublishedOnceBothAreKnown() {
    approve("c1", "FAO", 1, 5);
    submit("c1", "FAO", "Food systems data", 1);
    assertThat(published()).isEmpty();

    open();

    List<KeyValue<String, RecordEvent>> out = published();
    assertThat(out).extracting(kv -> kv.key).containsExactly(GDC + "/c1", GDC);
    assertThat(manifest(out.get(1)).getEdition()).isEqualTo(1);
  }

  @Test
  void approvalsArrivingTogetherShareOneEditionPerRecord() {
    open();
    String other = "hlpf-2023";
    processes.pipeInput(other, call(other, CallStatus.OPEN, T0), T0);
    for (int i = 0; i < 40; i++) {
      submit("c" + i, "ITU", "Input " + i, i);
    }
    contributions.pipeInput(
        "h1", submitted("h1", other, "FAO", content("Food", "Body"), at(1)), at(1));
    approve("c0", "ITU", 1, 100);
    tick();
    assertThat(published()).extracting(kv -> kv.key).containsExactly(GDC + "/c0", GDC);

    for (int i = 1; i < 40; i++) {
      approve("c" + i, "ITU", 1, 100 + i);
    }
    reviews.pipeInput("h1", approved("h1", other, "FAO", 1, at(150)), at(150));
    contributions.pipeInput("c0", withdrawn("c0", GDC, "ITU", 1, at(160)), at(160));
    assertThat(published()).as("nothing before the interval").isEmpty();
    tick();

    List<KeyValue<String, RecordEvent>> out = published();
    List<KeyValue<String, RecordEvent>> manifests =
        out.stream().filter(kv -> !kv.key.contains("/")).toList();
    assertThat(manifests).extracting(kv -> kv.key).containsExactlyInAnyOrder(GDC, other);
    RecordEdition gdc =
        manifests.stream()
            .filter(kv -> kv.key.equals(GDC))
            .map(kv -> manifest(kv))
            .findFirst()
            .get();
    assertThat(gdc.getEdition()).as("41 changes, one edition").isEqualTo(2);
    assertThat(gdc.getEntries()).hasSize(39);
    assertThat(out.stream().filter(kv -> kv.key.startsWith(GDC + "/"))).hasSize(40);
    assertThat(out)
        .filteredOn(kv -> kv.key.equals(GDC + "/c0"))
        .singleElement()
        .extracting(kv -> kv.value)
        .as("the withdrawn entry's tombstone")
        .isNull();
    int manifestIndex =
        out.indexOf(manifests.stream().filter(kv -> kv.key.equals(GDC)).findFirst().get());
    assertThat(out.subList(manifestIndex + 1, out.size()))
        .as("every text and tombstone of an edition precedes its manifest")
        .noneMatch(kv -> kv.key.startsWith(GDC + "/"));

    tick();
    assertThat(published()).as("nothing changed since").isEmpty();
  }

  @Test
  void withAZeroIntervalEveryChangeIsPublishedAtOnce() {
    driver.close();
    StreamsBuilder builder = new StreamsBuilder();
    PublicationTopology.build(
        builder, serdes, Roster.load(), metrics, Duration.ZERO, Stores::inMemoryKeyValueStore);
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, "publication-service");
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.AT_LEAST_ONCE);
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.resolve("zero").toString());
    driver = new TopologyTestDriver(builder.build(), config);
    StringSerializer keys = new StringSerializer();
    contributions =
        driver.createInputTopic(
            Topics.CONTRIBUTIONS.name(), keys, serdes.contributions().serializer());
    reviews = driver.createInputTopic(Topics.REVIEWS.name(), keys, serdes.reviews().serializer());
    processes =
        driver.createInputTopic(Topics.PROCESSES.name(), keys, serdes.processes().serializer());
    records =
        driver.createOutputTopic(
            Topics.RECORDS.name(), new StringDeserializer(), new ByteArrayDeserializer());

    open();
    submit("c1", "ITU", "One", 1);
    submit("c2", "UNDP", "Two", 2);
    approve("c1", "ITU", 1, 3);
    approve("c2", "UNDP", 1, 4);

    assertThat(published())
        .filteredOn(kv -> kv.key.equals(GDC))
        .extracting(kv -> manifest(kv).getEdition())
        .containsExactly(1, 2);
  }

  @Test
  void aRecordOfFiveThousandEntriesFitsInMessagesUnderOneMegabyteAndRebuildsFromTheTopic() {
    List<String> agencies = Roster.load().members().stream().map(m -> m.code()).toList();
    java.util.Random random = new java.util.Random(42);
    int count = 5_000;
    for (int i = 0; i < count; i++) {
      String id = UUID.nameUUIDFromBytes(("c" + i).getBytes()).toString();
      String agency = agencies.get(i % agencies.size());
      contributions.pipeInput(
          id,
          submitted(id, GDC, agency, content("Input " + i, body(random)), at(i % 1000)),
          at(i % 1000));
      reviews.pipeInput(id, approved(id, GDC, agency, 1, at(2000)), at(2000));
    }
    open();
    String last = UUID.randomUUID().toString();
    submit(last, "ITU", "Late but approved", 2001);
    approve(last, "ITU", 1, 2002);
    tick();

    List<KeyValue<String, byte[]>> raw = records.readKeyValuesToList();
    assertThat(raw).hasSize(count + 1 + 2);
    int largest = raw.stream().mapToInt(kv -> kv.value.length).max().orElseThrow();
    assertThat(largest).isLessThan(1_000_000);
    long totalBodies =
        raw.stream().filter(kv -> kv.key.contains("/")).mapToLong(kv -> kv.value.length).sum();
    assertThat(totalBodies).as("realistic texts").isGreaterThan(count * 2_000L);

    KeyValueStore<String, ConsolidatedRecord.State> state =
        driver.getKeyValueStore(PublicationTopology.RECORDS);
    byte[] changelogValue = StateSerdes.records().serializer().serialize("", state.get(GDC));
    assertThat(changelogValue.length)
        .as("changelog message of the record, its entries kept apart")
        .isLessThan(1_000);
    KeyValueStore<String, StateSerdes.SavedRef> refs =
        driver.getKeyValueStore(PublicationTopology.REFS);
    assertThat(refs.approximateNumEntries()).isEqualTo(count + 1);
    KeyValueStore<String, org.ungis.publication.record.HistoryStep> history =
        driver.getKeyValueStore(PublicationTopology.HISTORY);
    byte[] snapshot =
        StateSerdes.history().serializer().serialize("", history.get(RecordKeys.history(GDC, 1)));
    assertThat(snapshot.length).as("changelog message of a history snapshot").isLessThan(1_000_000);

    RecordAssembler assembler = new RecordAssembler();
    raw.forEach(kv -> assembler.accept(kv.key, recordDeserializer.deserialize(kv.key, kv.value)));
    RecordAssembler.AssembledRecord rebuilt = assembler.assemble(GDC).orElseThrow();
    assertThat(rebuilt.edition().getEdition()).isEqualTo(2);
    assertThat(rebuilt.entries()).hasSize(count + 1);
    assertThat(rebuilt.entries())
        .extracting(RecordEntry::getAgency)
        .isSortedAccordingTo(String::compareTo);
    assertThat(rebuilt.entries())
        .filteredOn(e -> e.getContributionId().equals(last))
        .singleElement()
        .extracting(e -> e.getContent().getTitle())
        .isEqualTo("Late but approved");
  }

  static String body(java.util.Random random) {
    String[] words = {
      "digital",
      "inclusion",
      "connectivity",
      "capacity",
      "development",
      "sustainable",
      "infrastructure",
      "governance",
      "data",
      "the",
      "of",
      "and",
      "to",
      "in",
      "for",
      "access",
      "broadband",
      "skills",
      "policy",
      "cooperation",
      "WSIS",
      "innovation",
      "trust",
      "security"
    };
    int length = 2_000 + random.nextInt(3_000);
    StringBuilder text = new StringBuilder(length + 20);
    while (text.length() < length) {
      text.append(words[random.nextInt(words.length)]);
      text.append(random.nextInt(12) == 0 ? ".\n\n" : " ");
    }
    return text.toString();
  }
}
