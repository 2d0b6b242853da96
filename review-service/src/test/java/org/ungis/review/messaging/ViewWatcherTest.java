package org.ungis.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.ungis.review.command.Written;

/** The read-your-writes signal between a writer and the stream processors. */
class ViewWatcherTest {

  final ViewWatcher watcher = new ViewWatcher();

  @Test
  void anAppliedEventReleasesItsWriter() {
    Written written = new Written("e-1", watcher.expect("e-1"));
    watcher.applied("e-1");

    assertThat(written.awaitView(Duration.ofSeconds(1))).isTrue();
    assertThat(written.refusedByView()).isFalse();
  }

  @Test
  void aRefusedEventTellsItsWriterAtOnceThatItWillNeverBeApplied() {
    Written written = new Written("e-2", watcher.expect("e-2"));
    watcher.refused("e-2");

    assertThat(written.awaitView(Duration.ofSeconds(5))).isFalse();
    assertThat(written.refusedByView()).isTrue();
    // a later event with another id is unaffected
    Written next = new Written("e-3", watcher.expect("e-3"));
    assertThat(next.awaitView(Duration.ofMillis(10))).isFalse();
    assertThat(next.refusedByView()).isFalse();
  }
}
