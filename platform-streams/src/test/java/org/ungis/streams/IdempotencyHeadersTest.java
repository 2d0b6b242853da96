package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class IdempotencyHeadersTest {

  @Test
  void aKeyAndItsFingerprintTravelWithTheEvent() {
    RecordHeaders headers = new RecordHeaders();
    IdempotencyHeaders.write(headers, "key-1", "f1");

    assertThat(
            new String(headers.lastHeader("ungis-idempotency-key").value(), StandardCharsets.UTF_8))
        .isEqualTo("key-1");
    assertThat(IdempotencyHeaders.read(headers))
        .contains(new IdempotencyHeaders.Keyed("key-1", "f1"));
  }

  @Test
  void anEventWrittenWithoutAKeyOrWithHalfOfItCarriesNone() {
    assertThat(IdempotencyHeaders.read(new RecordHeaders())).isEmpty();
    RecordHeaders keyOnly = new RecordHeaders();
    keyOnly.add("ungis-idempotency-key", "key-1".getBytes(StandardCharsets.UTF_8));
    assertThat(IdempotencyHeaders.read(keyOnly)).isEmpty();
  }

  @Test
  void keysAreScopedByAgency() {
    assertThat(IdempotencyHeaders.storeKey("ITU", "key-1")).isEqualTo("ITU/key-1");
    assertThat(IdempotencyHeaders.storeKey("FAO", "key-1")).isNotEqualTo("ITU/key-1");
  }
}
