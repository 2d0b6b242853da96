package org.ungis.portal.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.ungis.portal.live.ArrivingInputs.Arrival;

class ArrivingInputsTest {

  private final AtomicLong now = new AtomicLong();
  private final ArrivingInputs arriving = new ArrivingInputs(now::get);

  @Test
  void anInputCountsAsArrivingForAMomentInItsCallAndAgencyOnly() {
    arriving.arrived(new Arrival("c-1", "wsis-2025", "ITU", 1));
    arriving.arrived(new Arrival("c-2", "igf-2025", "UNDP", 1));

    assertThat(arriving.arriving("wsis-2025", null))
        .extracting(Arrival::contributionId)
        .containsExactly("c-1");
    assertThat(arriving.arriving(null, "UNDP"))
        .extracting(Arrival::contributionId)
        .containsExactly("c-2");
    assertThat(arriving.arriving(null, null)).hasSize(2);

    now.addAndGet(ArrivingInputs.KEPT.toNanos() + 1);
    assertThat(arriving.arriving(null, null)).isEmpty();
  }

  @Test
  void aRevisedInputIsAwaitedAtItsNewestRevision() {
    arriving.arrived(new Arrival("c-1", "wsis-2025", "ITU", 1));
    arriving.arrived(new Arrival("c-1", "wsis-2025", "ITU", 2));

    assertThat(arriving.arriving(null, null))
        .containsExactly(new Arrival("c-1", "wsis-2025", "ITU", 2));
  }

  @Test
  void onlyTheNewestInputsAreRemembered() {
    for (int i = 0; i < ArrivingInputs.MOST + 10; i++) {
      arriving.arrived(new Arrival("c-" + i, "wsis-2025", "ITU", 1));
    }

    assertThat(arriving.arriving(null, null))
        .hasSize(ArrivingInputs.MOST)
        .first()
        .isEqualTo(new Arrival("c-" + (ArrivingInputs.MOST + 9), "wsis-2025", "ITU", 1));
  }
}
