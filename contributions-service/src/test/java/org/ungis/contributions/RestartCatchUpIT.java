package org.ungis.contributions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ungis.events.common.ActionLine;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.common.Language;
import org.ungis.events.contribution.ContributionEvent;
import org.ungis.events.contribution.ContributionRevised;
import org.ungis.events.contribution.ContributionSubmitted;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.routing.testing.ServiceInstance;
import org.ungis.routing.testing.TestPlatform;
import org.ungis.schemas.Topics;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A restarted instance does not write a revision twice: the revision an instance made durable just
 * before it died (its client never got the answer) is on the topic behind a backlog the restarted
 * instance has not processed yet, and the client's retry (the same {@code If-Match}) reaches the
 * restarted instance as soon as its views run. The retry must be refused as stale (or answered 503
 * until the view has caught up), never written again: the topic holds that revision once.
 */
class RestartCatchUpIT {

  static final String CALL = "wsis-2027";

  /** Records ahead of the revision in its partition, so that the restarted view is behind. */
  static final int BACKLOG = 20_000;

  @RegisterExtension static final TestPlatform PLATFORM = new TestPlatform();

  @Test
  void aRevisionWrittenJustBeforeARestartIsNotWrittenAgainByItsRetry() throws Exception {
    ServiceInstance before = startInstance();
    before.awaitRunning(Duration.ofSeconds(120));
    try (KafkaProducer<String, Object> producer =
        PLATFORM.producer(Topics.PROCESSES, Topics.CONTRIBUTIONS)) {
      producer.send(new ProducerRecord<>(Topics.PROCESSES.name(), CALL, call())).get();
      String itu = PLATFORM.auth().intakeToken("ITU");
      var created =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () ->
                      before.send(
                          "POST",
                          "/api/v1/contributions",
                          body("Before the restart"),
                          itu,
                          Map.of("Idempotency-Key", "restart-1")),
                  r -> r.statusCode() == 201);
      String id = new JsonMapper().readTree(created.body()).path("id").asString();
      before.close();

      // What the instance wrote before it died: a backlog in the partition of the contribution,
      // then revision 2 of the contribution, whose answer never reached its client.
      int partition =
          PLATFORM.backlog(
              producer,
              Topics.CONTRIBUTIONS,
              id,
              BACKLOG,
              other ->
                  event(
                      other,
                      1,
                      ContributionSubmitted.newBuilder()
                          .setContent(content("Backlog " + other))
                          .build()));
      producer
          .send(
              new ProducerRecord<>(
                  Topics.CONTRIBUTIONS.name(),
                  id,
                  event(
                      id,
                      2,
                      ContributionRevised.newBuilder()
                          .setContent(content("Revised once"))
                          .setNote(null)
                          .build())))
          .get();

      ServiceInstance after = startInstance();
      after.awaitRunning(Duration.ofSeconds(120));
      // The client retries its revision as soon as the restarted instance runs.
      var retried =
          after.send("PUT", "/api/v1/contributions/" + id, body("Revised once"), itu, ifMatch("1"));
      assertThat(retried.statusCode())
          .as("the retry of a revision already written: %s", retried.body())
          .isIn(409, 503);
      var settled =
          await()
              .atMost(Duration.ofSeconds(120))
              .until(
                  () ->
                      after.send(
                          "PUT",
                          "/api/v1/contributions/" + id,
                          body("Revised once"),
                          itu,
                          ifMatch("1")),
                  r -> r.statusCode() != 503);
      assertThat(settled.statusCode()).as(settled.body()).isEqualTo(409);
      assertThat(recordsOf(id, partition))
          .as("the submission and revision 2, each once, on the topic")
          .isEqualTo(2);
      // The restarted instance's index holds every contribution: the latest change first is
      // revision 2, the first submitted is the same contribution, and all are counted.
      String newest = "/api/v1/contributions?process=" + CALL + "&sort=-updatedAt&size=1";
      var latest =
          await()
              .atMost(Duration.ofSeconds(120))
              .until(() -> after.get(newest, itu), r -> r.statusCode() == 200);
      JsonNode page = new JsonMapper().readTree(latest.body());
      assertThat(page.path("items").get(0).path("id").asString()).isEqualTo(id);
      assertThat(page.path("items").get(0).path("revision").asInt()).isEqualTo(2);
      assertThat(page.path("page").path("totalElements").asLong()).isEqualTo(BACKLOG + 1L);
      var oldest = after.get("/api/v1/contributions?agency=ITU&size=1", itu);
      assertThat(
              new JsonMapper().readTree(oldest.body()).path("items").get(0).path("id").asString())
          .isEqualTo(id);
    }
  }

  /**
   * The instance that stops is a dynamic member of the streams' group, which Kafka removes only
   * once its session times out (45 s by default): a short session lets the restarted instance get
   * its tasks after seconds, not after that wait.
   */
  static ServiceInstance startInstance() throws Exception {
    return PLATFORM.startInstance(
        ContributionsServiceApplication.class,
        Map.of(
            "spring.kafka.streams.properties.session.timeout.ms", "6000",
            "spring.kafka.streams.properties.heartbeat.interval.ms", "2000"));
  }

  static Map<String, String> ifMatch(String revision) {
    return Map.of("If-Match", "\"" + revision + "\"");
  }

  /** How many records of the contributions topic carry this key. */
  static long recordsOf(String key, int partition) {
    try (var consumer =
        new KafkaConsumer<>(
            Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                PLATFORM.broker().getBrokersAsString(),
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                "read_committed"),
            new ByteArrayDeserializer(),
            new ByteArrayDeserializer())) {
      TopicPartition topicPartition = new TopicPartition(Topics.CONTRIBUTIONS.name(), partition);
      consumer.assign(List.of(topicPartition));
      consumer.seekToBeginning(List.of(topicPartition));
      long end = consumer.endOffsets(List.of(topicPartition)).get(topicPartition);
      long count = 0;
      while (consumer.position(topicPartition) < end) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (key.equals(new String(record.key(), StandardCharsets.UTF_8))) {
            count++;
          }
        }
      }
      return count;
    }
  }

  static String body(String title) {
    return """
        {"processId":"%s","title":"%s","summary":"A short summary","body":"The full text.",\
        "language":"EN","actionLines":["C7"],"sdgs":[9],"links":[]}"""
        .formatted(CALL, title);
  }

  static ContributionContent content(String title) {
    return ContributionContent.newBuilder()
        .setTitle(title)
        .setSummary("A short summary")
        .setBody("The full text.")
        .setLanguage(Language.EN)
        .setActionLines(List.of(ActionLine.C7))
        .setSdgs(List.of(9))
        .setLinks(List.of())
        .build();
  }

  static Actor actor(String agency, ActorRole role) {
    return Actor.newBuilder()
        .setAgency(agency)
        .setPrincipal("focal-point@" + agency.toLowerCase())
        .setRole(role)
        .build();
  }

  static ContributionEvent event(String id, int revision, Object payload) {
    return ContributionEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setActor(actor("ITU", ActorRole.AGENCY))
        .setContributionId(id)
        .setProcessId(CALL)
        .setAgency("ITU")
        .setRevision(revision)
        .setPayload(payload)
        .build();
  }

  static CallForInputsEvent call() {
    return CallForInputsEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
        .setActor(actor("UNDP", ActorRole.CHAIR))
        .setProcessId(CALL)
        .setChange(CallChange.OPENED)
        .setTitle("Call " + CALL)
        .setDescription("")
        .setDeadline(Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS))
        .setStatus(CallStatus.OPEN)
        .setExtensions(List.of())
        .build();
  }
}
