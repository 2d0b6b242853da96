package org.ungis.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.review.Decision;
import org.ungis.events.review.DecisionRecorded;
import org.ungis.events.review.ReviewEvent;
import org.ungis.review.command.IdempotentRequest;
import org.ungis.routing.testing.ServiceInstance;
import org.ungis.routing.testing.TestPlatform;
import org.ungis.schemas.Topics;
import org.ungis.streams.IdempotencyHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * A restarted instance does not record a decision twice: the decision an instance wrote just before
 * it died (its client never got the answer) is on the reviews topic behind a backlog the restarted
 * instance has not processed yet, and the client's retry (the same {@code Idempotency-Key}) reaches
 * the restarted instance as soon as its views run. The retry must be replayed (or answered 503
 * until the view has caught up), another reviewer's decision on the same revision refused as
 * already decided, and the topic must hold that decision once.
 */
class RestartCatchUpIT {

  /** Inside the 2023-2024 rota: chairs ITU and UNDP. */
  static final Instant START = Instant.parse("2023-02-01T09:00:00Z");

  /** Records ahead of the decision in its partition, so that the restarted view is behind. */
  static final int BACKLOG = 20_000;

  static final String DECISION = "{\"revision\":1,\"decision\":\"APPROVED\",\"comment\":\"fine\"}";

  @RegisterExtension static final TestPlatform PLATFORM = new TestPlatform();

  static ServiceInstance after;

  @Test
  void aDecisionWrittenJustBeforeARestartIsNotWrittenAgainByItsRetry() throws Exception {
    String itu = PLATFORM.auth().reviewerToken("reviewer-itu-1");
    String undp = PLATFORM.auth().reviewerToken("reviewer-undp-1");
    String call = "wsis-restart";
    String id = UUID.randomUUID().toString();
    ServiceInstance before = startInstance();
    before.awaitRunning(Duration.ofSeconds(120));
    var opened =
        await()
            .atMost(Duration.ofSeconds(60))
            .until(
                () ->
                    before.send(
                        "POST",
                        "/api/v1/processes",
                        "{\"id\":\""
                            + call
                            + "\",\"title\":\"UNGIS input to WSIS 2023\","
                            + "\"deadline\":\"2023-03-31T23:59:59Z\"}",
                        itu,
                        Map.of("Idempotency-Key", "open-" + call)),
                r -> r.statusCode() != 503);
    assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
    try (KafkaProducer<String, Object> producer =
        PLATFORM.producer(Topics.CONTRIBUTIONS, Topics.REVIEWS)) {
      producer
          .send(
              new ProducerRecord<>(
                  Topics.CONTRIBUTIONS.name(),
                  id,
                  TestEvents.submitted(id, call, "FAO", "Before the restart", START)))
          .get();
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> before.get("/api/v1/reviews/" + id, itu).statusCode() == 200);
      before.close();

      // What the instance wrote before it died: a backlog in the partition of the contribution,
      // then the decision on it, whose answer never reached its client.
      PLATFORM.backlog(
          producer,
          Topics.CONTRIBUTIONS,
          id,
          BACKLOG,
          other -> TestEvents.submitted(other, call, "FAO", "Backlog " + other, START));
      UUID written = UUID.randomUUID();
      ProducerRecord<String, Object> decision =
          new ProducerRecord<>(Topics.REVIEWS.name(), id, approved(written, id, call));
      IdempotentRequest request =
          IdempotentRequest.of(
              "ITU",
              "decide-1",
              "POST /api/v1/reviews/"
                  + id
                  + "/decisions\nDecide[revision=1, decision=APPROVED, comment=fine]");
      IdempotencyHeaders.write(decision.headers(), request.key(), request.fingerprint());
      producer.send(decision).get();

      after = startInstance();
      after.awaitRunning(Duration.ofSeconds(120));
      // The client retries its decision as soon as the restarted instance runs.
      var retried = decide(itu, id, "decide-1");
      assertThat(retried.statusCode())
          .as("the retry of a decision already written: %s", retried.body())
          .isIn(201, 503);
      var settled =
          await()
              .atMost(Duration.ofSeconds(120))
              .until(() -> decide(itu, id, "decide-1"), r -> r.statusCode() != 503);
      assertThat(settled.statusCode()).as(settled.body()).isEqualTo(201);
      assertThat(settled.headers().firstValue("Idempotent-Replayed"))
          .as("the retry is the decision written before the restart, replayed")
          .hasValue("true");
      assertThat(settled.headers().firstValue("Location"))
          .as("the retry answers with the decision written before the restart, not a second one")
          .hasValue("/api/v1/reviews/" + id + "/decisions/" + written);
      if (retried.statusCode() == 201) {
        assertThat(retried.headers().firstValue("Idempotent-Replayed")).hasValue("true");
      }

      // Another chair's decision on the same revision: already decided.
      var late =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(() -> decide(undp, id, null), r -> r.statusCode() != 503);
      assertThat(late.statusCode()).as(late.body()).isEqualTo(409);
      assertThat(new JsonMapper().readTree(late.body()).path("reason").asString())
          .isEqualTo("ALREADY_DECIDED");

      assertThat(
              TestEvents.consume(
                      PLATFORM.broker().getBrokersAsString(),
                      PLATFORM.registry().url(),
                      Topics.REVIEWS.name(),
                      ReviewEvent.class,
                      1)
                  .stream()
                  .filter(e -> e.getContributionId().equals(id))
                  .filter(e -> e.getPayload() instanceof DecisionRecorded))
          .as("the decision, once, on the reviews topic")
          .hasSize(1);
    }
  }

  static HttpResponse<String> decide(String token, String id, String key) throws Exception {
    return after.send(
        "POST",
        "/api/v1/reviews/" + id + "/decisions",
        DECISION,
        token,
        key == null ? Map.of() : Map.of("Idempotency-Key", key));
  }

  /**
   * The instance that stops is a dynamic member of the streams' group, which Kafka removes only
   * once its session times out (45 s by default): a short session lets the restarted instance get
   * its tasks after seconds, not after that wait.
   */
  static ServiceInstance startInstance() throws Exception {
    return PLATFORM.startInstance(
        ReviewServiceApplication.class,
        Map.of(
            "ungis.clock.start", START.toString(),
            "spring.kafka.streams.properties.session.timeout.ms", "6000",
            "spring.kafka.streams.properties.heartbeat.interval.ms", "2000"));
  }

  /**
   * The decision as review-service writes it: ITU's chair approves revision 1, which decides it.
   */
  static ReviewEvent approved(UUID eventId, String id, String call) {
    return ReviewEvent.newBuilder()
        .setEventId(eventId)
        .setOccurredAt(START.plusSeconds(60))
        .setActor(
            Actor.newBuilder()
                .setAgency("ITU")
                .setPrincipal("reviewer-itu-1")
                .setRole(ActorRole.CHAIR)
                .build())
        .setContributionId(id)
        .setProcessId(call)
        .setAgency("FAO")
        .setRevision(1)
        .setPayload(
            DecisionRecorded.newBuilder()
                .setDecision(Decision.APPROVED)
                .setComment("fine")
                .setOutcome(Decision.APPROVED)
                .build())
        .build();
  }
}
