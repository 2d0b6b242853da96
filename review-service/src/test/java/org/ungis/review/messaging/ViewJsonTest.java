package org.ungis.review.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.call.CallState;
import org.ungis.review.call.Extension;
import org.ungis.review.review.ReviewItem;
import org.ungis.review.rules.Actor;
import org.ungis.streams.JsonSerde;

class ViewJsonTest {

  @Test
  void aReviewItemRoundTripsWithItsHistoryAndNothingDerived() {
    Instant t = Instant.parse("2023-03-01T08:00:00Z");
    ReviewItem item =
        ReviewItem.submitted("c-1", "gdc-2023", "FAO", 1, "Food", "s", t)
            .recorded("e-1", 1, new Actor("ITU", "p"), "CHAIR", null, "c", null, t)
            .refused("e-2", 1, new Actor("FAO", "q"), "AGENCY", null, "RECUSAL", "m", t);
    JsonSerde<ReviewItem> serde = new JsonSerde<>(ReviewItem.class, ViewJson.MAPPER);
    byte[] bytes = serde.serializer().serialize("t", item);

    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(item);
    assertThat(new String(bytes, StandardCharsets.UTF_8))
        .doesNotContain("\"pending\"", "\"decided\"");
  }

  @Test
  void aCallRoundTrips() {
    CallForInputs call =
        new CallForInputs(
            "gdc-2023",
            "GDC",
            "",
            Instant.parse("2023-03-31T23:59:59Z"),
            2,
            CallState.OPEN,
            List.of(new Extension("FAO", Instant.parse("2023-04-30T23:59:59Z"), "r")));
    JsonSerde<CallForInputs> serde = new JsonSerde<>(CallForInputs.class, ViewJson.MAPPER);
    byte[] bytes = serde.serializer().serialize("t", call);
    assertThat(serde.deserializer().deserialize("t", bytes)).isEqualTo(call);
    assertThat(new String(bytes, StandardCharsets.UTF_8)).doesNotContain("\"open\"");
  }
}
