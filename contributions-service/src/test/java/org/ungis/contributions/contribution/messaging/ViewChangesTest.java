package org.ungis.contributions.contribution.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ViewChangesTest {

  final ViewChanges changes = new ViewChanges();

  @Test
  void aWaitingRequestGetsTheViewOnceTheChangeIsFolded() throws Exception {
    AtomicReference<String> view = new AtomicReference<>();
    CompletableFuture<Optional<String>> waiting =
        CompletableFuture.supplyAsync(
            () ->
                changes.await("c-1", () -> Optional.ofNullable(view.get()), Duration.ofMinutes(1)));
    await().until(() -> changes.waitedFor() == 1);

    view.set("revision 1");
    changes.changed("c-1", 1);

    assertThat(waiting.get(30, TimeUnit.SECONDS)).contains("revision 1");
    assertThat(changes.waitedFor()).isZero();
  }

  @Test
  void aChangeOfAnotherContributionIsNoAnswerAndTheWaitEndsEmptyAtItsTimeout() {
    Optional<String> answer =
        changes.await(
            "c-1",
            () -> {
              changes.changed("c-2", 1);
              return Optional.empty();
            },
            Duration.ofMillis(50));

    assertThat(answer).isEmpty();
    assertThat(changes.waitedFor()).isZero();
  }
}
