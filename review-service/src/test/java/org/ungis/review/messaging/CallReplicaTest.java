package org.ungis.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.ungis.events.common.Actor;
import org.ungis.events.common.ActorRole;
import org.ungis.events.process.CallChange;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.events.process.CallStatus;
import org.ungis.registry.client.SchemaRegistryException;
import org.ungis.registry.client.SchemaRegistryUnavailableException;
import org.ungis.review.call.CallState;
import org.ungis.schemas.Topics;

/** The replica of every call, without a broker: its fold, its availability, its follower. */
class CallReplicaTest {

  static final Instant DEADLINE = Instant.parse("2023-03-31T23:59:59Z");
  static final Duration STALL = Duration.ofSeconds(30);

  final AtomicLong clock = new AtomicLong(1_000_000_000L);
  CallReplica replica;

  @AfterEach
  void stop() {
    if (replica != null) {
      replica.stop();
    }
  }

  CallReplica replica(String bootstrap, String applicationServer) {
    KafkaProperties kafka = new KafkaProperties();
    kafka.setBootstrapServers(List.of(bootstrap));
    kafka.getProperties().put("schema.registry.url", "mock://call-replica-" + UUID.randomUUID());
    kafka.getConsumer().getProperties().put("default.api.timeout.ms", "300");
    if (applicationServer != null) {
      kafka
          .getStreams()
          .getProperties()
          .put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
    }
    replica = new CallReplica(kafka, clock::get, STALL);
    return replica;
  }

  @Test
  void aCallIsAnsweredOnlyOnceCaughtUpAndNotWhileStalled() {
    CallReplica r = replica("localhost:9", null);
    r.apply(record(0, snapshot(CallChange.OPENED, CallStatus.OPEN)));

    // not caught up: no snapshot, even a known one, but a 503 at the deadline (never "unknown")
    assertThatThrownBy(() -> r.call("gdc-2023", Duration.ofMillis(50)))
        .isInstanceOf(ViewUnavailableException.class);
    assertThatThrownBy(r::all).isInstanceOf(ViewUnavailableException.class);
    assertThat(r.available()).isFalse();

    r.inSync(clock.get());
    assertThat(r.available()).isTrue();
    assertThat(r.call("gdc-2023", Duration.ofMillis(50))).isPresent();
    assertThat(r.call("igf-2023", Duration.ofMillis(50))).isEmpty();

    // no confirmation at the end of the topic for longer than the limit: unavailable again
    clock.addAndGet(STALL.plusSeconds(1).toNanos());
    assertThat(r.stalled()).isTrue();
    assertThat(r.available()).isFalse();
    assertThatThrownBy(() -> r.call("gdc-2023", Duration.ofMillis(20)))
        .isInstanceOf(ViewUnavailableException.class);

    r.inSync(clock.get());
    assertThat(r.available()).isTrue();
    assertThat(r.all()).hasSize(1);
  }

  @Test
  void anInterruptedWaitIsUnavailableNotAnUnknownCall() {
    CallReplica r = replica("localhost:9", null);
    r.inSync(clock.get());
    Thread.currentThread().interrupt();
    try {
      assertThatThrownBy(() -> r.call("not-yet-here", Duration.ofSeconds(5)))
          .isInstanceOf(ViewUnavailableException.class);
    } finally {
      assertThat(Thread.interrupted()).isTrue();
    }
  }

  @Test
  void aClosedCallStaysClosedWhateverComesAfterIt() {
    CallReplica r = replica("localhost:9", null);
    r.inSync(clock.get());
    r.apply(record(0, snapshot(CallChange.OPENED, CallStatus.OPEN)));
    r.apply(record(1, snapshot(CallChange.CLOSED, CallStatus.CLOSED)));
    r.apply(record(2, snapshot(CallChange.EXTENSION_GRANTED, CallStatus.OPEN)));

    assertThat(r.call("gdc-2023", Duration.ZERO).orElseThrow().state()).isEqualTo(CallState.CLOSED);
  }

  @Test
  void aRecordIsRetriedWhenTheRegistryIsUnreachableAndSkippedOnlyWhenUndecodable() {
    TopicPartition tp = new TopicPartition(Topics.PROCESSES.name(), 0);
    assertThat(
            CallReplica.retryable(
                decodingError(
                    tp,
                    new SerializationException(
                        "Error retrieving schema id 1",
                        new SchemaRegistryUnavailableException(
                            "unreachable", new ConnectException("refused"))))))
        .isTrue();
    assertThat(CallReplica.retryable(decodingError(tp, new IOException("reset")))).isTrue();
    assertThat(
            CallReplica.retryable(
                decodingError(tp, new SchemaRegistryException(503, 50003, "backend"))))
        .isTrue();
    assertThat(
            CallReplica.retryable(
                decodingError(
                    tp,
                    new SerializationException(
                        "Unknown schema id 7", new SchemaRegistryException(404, 40403, "no")))))
        .isFalse();
    assertThat(
            CallReplica.retryable(decodingError(tp, new SerializationException("Unknown magic"))))
        .isFalse();
  }

  @Test
  void theFollowerKeepsTryingWhileTheBrokerCannotBeReachedAndReportsIt() {
    // nothing listens on port 9 (discard): every metadata request times out
    CallReplica r = replica("localhost:9", "localhost:8183");
    assertThat(r.enabled()).isTrue();
    r.start();

    await().atMost(Duration.ofSeconds(20)).until(() -> r.failures() >= 2);
    assertThat(r.alive()).isTrue();
    assertThat(r.isRunning()).isTrue();
    assertThat(r.available()).isFalse();
    assertThat(r.lastError()).isNotBlank();

    r.stop();
    assertThat(r.isRunning()).isFalse();
    await().atMost(Duration.ofSeconds(10)).until(() -> r.alive());
  }

  private static RecordDeserializationException decodingError(TopicPartition tp, Throwable cause) {
    return new RecordDeserializationException(
        RecordDeserializationException.DeserializationExceptionOrigin.VALUE,
        tp,
        5L,
        0L,
        TimestampType.CREATE_TIME,
        null,
        null,
        null,
        "Error deserializing VALUE",
        cause);
  }

  private static ConsumerRecord<String, CallForInputsEvent> record(
      long offset, CallForInputsEvent event) {
    return new ConsumerRecord<>(Topics.PROCESSES.name(), 0, offset, "gdc-2023", event);
  }

  private static CallForInputsEvent snapshot(CallChange change, CallStatus status) {
    return CallForInputsEvent.newBuilder()
        .setEventId(UUID.randomUUID())
        .setOccurredAt(DEADLINE.minusSeconds(86_400))
        .setActor(
            Actor.newBuilder()
                .setAgency("ITU")
                .setPrincipal("chair@itu.int")
                .setRole(ActorRole.CHAIR)
                .build())
        .setProcessId("gdc-2023")
        .setChange(change)
        .setTitle("UNGIS joint input to the Global Digital Compact")
        .setDescription("")
        .setDeadline(DEADLINE)
        .setStatus(status)
        .setRequiredApprovals(1)
        .setExtensions(List.of())
        .build();
  }
}
