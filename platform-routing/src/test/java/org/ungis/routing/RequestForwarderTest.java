package org.ungis.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RequestForwarderTest {

  @Test
  void headerNamesOfAForwardedAnswerAreSpelledAsTheOwnerSpellsThem() {
    assertThat(RequestForwarder.canonical("etag")).isEqualTo("ETag");
    assertThat(RequestForwarder.canonical("content-type")).isEqualTo("Content-Type");
    assertThat(RequestForwarder.canonical("idempotent-replayed")).isEqualTo("Idempotent-Replayed");
    assertThat(RequestForwarder.canonical("x-content-type-options"))
        .isEqualTo("X-Content-Type-Options");
    assertThat(RequestForwarder.canonical("x-xss-protection")).isEqualTo("X-XSS-Protection");
    assertThat(RequestForwarder.canonical("www-authenticate")).isEqualTo("WWW-Authenticate");
    assertThat(RequestForwarder.canonical("Location")).isEqualTo("Location");
  }
}
