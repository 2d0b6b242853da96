package org.ungis.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.ungis.events.common.ActionLine;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.events.process.DeadlineExtension;
import org.ungis.events.record.Correction;
import org.ungis.events.record.EntryApproval;
import org.ungis.events.record.EntryRef;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEntry;
import org.ungis.events.record.RecordEvent;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.DecisionRefused;
import org.ungis.events.review.ReviewEvent;
import org.ungis.registry.client.MockSchemaRegistry;

class TopicsTest {

  private static final String SCOPE = "topics-test";
  private static final Map<String, Object> SERDE_CONFIG =
      Map.of("schema.registry.url", MockSchemaRegistry.urlOf(SCOPE));

  private static final Instant AT = Instant.parse("2026-11-29T09:15:30.123Z");
  private static final Actor ITU = new Actor("ITU", "itu-intake-client", ActorRole.AGENCY);
  private static final Actor CHAIR = new Actor("UNESCO", "chair@unesco.org", ActorRole.CHAIR);
  private static final ContributionContent CONTENT =
      ContributionContent.newBuilder()
          .setTitle("Connectivity for all — الاتصال للجميع")
          .setSummary("Universal meaningful connectivity")
          .setBody("ITU's input to the Global Digital Compact.")
          .setLanguage(Language.EN)
          .setActionLines(List.of(ActionLine.C2, ActionLine.C11))
          .setSdgs(List.of(9, 17))
          .setLinks(List.of("https://www.itu.int/gdc"))
          .build();

  @AfterAll
  static void dropScope() {
    MockSchemaRegistry.dropScope(SCOPE);
  }

  /** One example of every generated event class and every payload variant, per topic. */
  static Stream<Example<?>> examples() {
    return Stream.of(
        new Example<>(Topics.CONTRIBUTIONS, contribution(new ContributionSubmitted(CONTENT))),
        new Example<>(
            Topics.CONTRIBUTIONS, contribution(new ContributionRevised(CONTENT, "Shorter body"))),
        new Example<>(Topics.CONTRIBUTIONS, contribution(new ContributionRevised(CONTENT, null))),
        new Example<>(
            Topics.CONTRIBUTIONS, contribution(new ContributionWithdrawn("Merged into UNDP's"))),
        new Example<>(
            Topics.PROCESSES,
            CallForInputsEvent.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(AT)
                .setActor(CHAIR)
                .setProcessId("gdc-2023")
                .setChange(CallChange.EXTENSION_GRANTED)
                .setTitle("Global Digital Compact")
                .setDescription("UNGIS joint input to the GDC")
                .setDeadline(Instant.parse("2023-04-30T23:59:59Z"))
                .setStatus(CallStatus.OPEN)
                .setRequiredApprovals(2)
                .setExtensions(
                    List.of(
                        new DeadlineExtension(
                            "UNECA", Instant.parse("2023-05-07T23:59:59Z"), "Translation")))
                .build()),
        new Example<>(
            Topics.REVIEWS,
            review(new DecisionRecorded(Decision.APPROVED, "Well argued", Decision.APPROVED))),
        new Example<>(
            Topics.REVIEWS,
            review(new DecisionRefused(Decision.REJECTED, "RECUSAL", "Own agency's input"))),
        new Example<>(
            Topics.RECORDS,
            record(
                new RecordEdition(
                    3,
                    true,
                    "Global Digital Compact",
                    "",
                    Instant.parse("2023-04-30T23:59:59Z"),
                    List.of(new EntryRef("c-1", "ITU", 2, "gdc-2023/c-1")),
                    "UNGIS/2023/GDC/1",
                    "FR",
                    "Introduction",
                    "Conclusion",
                    1,
                    List.of(new Correction("WITHDRAWN", "ITU", "c-2", "Title", AT))))),
        new Example<>(
            Topics.RECORDS,
            record(
                new RecordEntry(
                    "c-1",
                    "ITU",
                    "International Telecommunication Union",
                    2,
                    AT.minusSeconds(86_400),
                    AT,
                    CONTENT,
                    List.of(new EntryApproval("UNDP", "chair@undp.org", AT))))));
  }

  @ParameterizedTest
  @MethodSource("examples")
  <V extends SpecificRecord> void everyEventRoundTripsThroughItsTopicsSerde(Example<V> example) {
    try (Serde<V> serde = example.topic().valueSerde(SERDE_CONFIG)) {
      byte[] bytes = serde.serializer().serialize(example.topic().name(), example.event());

      V back = serde.deserializer().deserialize(example.topic().name(), bytes);

      assertThat(bytes[0]).isZero();
      assertThat(back).isInstanceOf(example.topic().valueType()).isEqualTo(example.event());
      assertThat(
              MockSchemaRegistry.getClientForScope(SCOPE)
                  .getLatestSchemaMetadata(example.topic().valueSubject())
                  .parsedSchema())
          .isEqualTo(example.event().getSchema());
    }
  }

  @Test
  void everyTopicHasAnExample() {
    assertThat(examples().map(e -> e.topic().name()).distinct())
        .containsExactlyInAnyOrderElementsOf(Topics.ALL.stream().map(Topic::name).toList());
  }

  @Test
  void keysAreStrings() {
    for (Topic<?> topic : Topics.ALL) {
      Serde<String> keys = topic.keySerde();
      assertThat(
              keys.deserializer()
                  .deserialize(topic.name(), keys.serializer().serialize(topic.name(), "gdc-2023")))
          .isEqualTo("gdc-2023");
    }
  }

  @Test
  void theCatalogueHasNoDuplicateNames() {
    List<String> names = new ArrayList<>();
    for (Topic<?> topic : Topics.ALL) {
      names.add(topic.name());
      names.add(topic.deadLetterTopic());
    }
    assertThat(names).doesNotHaveDuplicates();
    assertThat(Topics.ALL.stream().map(Topic::valueSubject).toList()).doesNotHaveDuplicates();
    assertThat(Topics.ALL.stream().map(Topic::valueType).toList()).doesNotHaveDuplicates();
    assertThat(Topics.ALL).allSatisfy(topic -> assertThat(topic.partitions()).isPositive());
  }

  record Example<V extends SpecificRecord>(Topic<V> topic, V event) {
    @Override
    public String toString() {
      return topic.name() + ": " + describe(event);
    }
  }

  private static String describe(SpecificRecord event) {
    Function<Object, String> name = o -> o.getClass().getSimpleName();
    Object payload =
        event.getSchema().getField("payload") == null
            ? null
            : event.get(event.getSchema().getField("payload").pos());
    return name.apply(event) + (payload == null ? "" : "/" + name.apply(payload));
  }

  private static ContributionEvent contribution(Object payload) {
    return ContributionEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(AT)
        .setActor(ITU)
        .setContributionId("c-1")
        .setProcessId("gdc-2023")
        .setAgency("ITU")
        .setRevision(2)
        .setPayload(payload)
        .build();
  }

  private static ReviewEvent review(Object payload) {
    return ReviewEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(AT)
        .setActor(CHAIR)
        .setContributionId("c-1")
        .setProcessId("gdc-2023")
        .setAgency("ITU")
        .setRevision(2)
        .setPayload(payload)
        .build();
  }

  private static RecordEvent record(Object payload) {
    return RecordEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(AT)
        .setActor(new Actor("SYSTEM", "publication-service", ActorRole.SYSTEM))
        .setProcessId("gdc-2023")
        .setPayload(payload)
        .build();
  }
}
