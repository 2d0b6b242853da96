package org.ungis.review;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ungis.events.common.ActionLine;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.contribution.ContributionWithdrawn;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;

/** Contribution events as contributions-service writes them. */
public final class TestEvents {

  private TestEvents() {}

  /**
   * Writes a contribution event to its topic as contributions-service does (Avro, the registry).
   */
  public static void produce(String bootstrapServers, String registryUrl, ContributionEvent event) {
    Map<String, Object> config =
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
            StringSerializer.class,
            ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            KafkaAvroSerializer.class,
            "basic.auth.credentials.source",
            "USER_INFO",
            "basic.auth.user.info",
            EmbeddedSchemaRegistry.SERVICES_USER_INFO,
            "schema.registry.url",
            registryUrl);
    try (KafkaProducer<String, Object> producer = new KafkaProducer<>(config)) {
      producer
          .send(new ProducerRecord<>(Topics.CONTRIBUTIONS.name(), event.getContributionId(), event))
          .get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Every record of a topic (Avro, committed only) up to its end, once there are at least {@code
   * atLeast}.
   */
  public static <T> List<T> consume(
      String bootstrapServers, String registryUrl, String topic, Class<T> type, int atLeast) {
    Map<String, Object> config =
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrapServers,
            ConsumerConfig.ISOLATION_LEVEL_CONFIG,
            "read_committed",
            ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
            StringDeserializer.class,
            ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
            KafkaAvroDeserializer.class,
            "schema.registry.url",
            registryUrl,
            "specific.avro.reader",
            true);
    List<T> values = new ArrayList<>();
    try (KafkaConsumer<String, Object> consumer = new KafkaConsumer<>(config)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(p -> new TopicPartition(topic, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () -> {
                for (ConsumerRecord<String, Object> r : consumer.poll(Duration.ofMillis(200))) {
                  values.add(type.cast(r.value()));
                }
                return values.size() >= atLeast
                    && consumer.assignment().stream()
                        .allMatch(
                            tp ->
                                consumer.position(tp) >= consumer.endOffsets(List.of(tp)).get(tp));
              });
    }
    return values;
  }

  public static ContributionEvent submitted(
      String contributionId, String processId, String agency, String title, Instant at) {
    return event(
        contributionId,
        processId,
        agency,
        1,
        at,
        ContributionSubmitted.newBuilder().setContent(content(title)).build());
  }

  public static ContributionEvent revised(
      String contributionId,
      String processId,
      String agency,
      int revision,
      String title,
      Instant at) {
    return event(
        contributionId,
        processId,
        agency,
        revision,
        at,
        ContributionRevised.newBuilder()
            .setContent(content(title))
            .setNote("as requested")
            .build());
  }

  public static ContributionEvent withdrawn(
      String contributionId, String processId, String agency, int revision, Instant at) {
    return event(
        contributionId,
        processId,
        agency,
        revision,
        at,
        ContributionWithdrawn.newBuilder().setReason("superseded").build());
  }

  static ContributionContent content(String title) {
    return ContributionContent.newBuilder()
        .setTitle(title)
        .setSummary("Summary of " + title)
        .setBody("Body of " + title)
        .setLanguage(Language.EN)
        .setActionLines(List.of(ActionLine.C2, ActionLine.C7))
        .setSdgs(List.of(4, 9))
        .setLinks(List.of("https://www.itu.int/wsis"))
        .build();
  }

  private static ContributionEvent event(
      String contributionId,
      String processId,
      String agency,
      int revision,
      Instant at,
      Object payload) {
    return ContributionEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(at)
        .setActor(
            Actor.newBuilder()
                .setAgency(agency)
                .setPrincipal("focal.point@" + agency.toLowerCase() + ".org")
                .setRole(ActorRole.AGENCY)
                .build())
        .setContributionId(contributionId)
        .setProcessId(processId)
        .setAgency(agency)
        .setRevision(revision)
        .setPayload(payload)
        .build();
  }
}
