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

  @Test
  void aRequestsFingerprintIsTheSha256OfItsDescriptionSoAnotherRequestIsToldApart() {
    assertThat(IdempotencyHeaders.fingerprint("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    assertThat(IdempotencyHeaders.fingerprint("POST /api/v1/calls\n{\"a\":1}"))
        .isEqualTo(IdempotencyHeaders.fingerprint("POST /api/v1/calls\n{\"a\":1}"))
        .isNotEqualTo(IdempotencyHeaders.fingerprint("POST /api/v1/calls\n{\"a\":2}"));
  }
}
