package org.ungis.notification.notice.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DeliveryGateTest {

  @Test
  void aDrainWithNothingStartedEndsAtOnceAndClosesTheGate() throws Exception {
    DeliveryGate gate = new DeliveryGate();
    assertThat(gate.open()).isTrue();
    assertThat(gate.drain(Duration.ofSeconds(5))).isTrue();
    assertThat(gate.open()).isFalse();
  }

  @Test
  void aDrainWaitsForTheStartedAttemptsToSettle() throws Exception {
    DeliveryGate gate = new DeliveryGate();
    gate.started();
    gate.started();
    CompletableFuture.runAsync(
        () -> {
          gate.settled();
          gate.settled();
        },
        CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
    assertThat(gate.drain(Duration.ofSeconds(30))).isTrue();
  }

  @Test
  void aDrainGivesUpOnAnAttemptThatNeverSettles() throws Exception {
    DeliveryGate gate = new DeliveryGate();
    gate.started();
    assertThat(gate.drain(Duration.ofMillis(200))).isFalse();
    assertThat(gate.open()).isFalse();
  }
}
