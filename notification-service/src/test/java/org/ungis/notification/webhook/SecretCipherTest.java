package org.ungis.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.ungis.schemas.webhook.WebhookSignature;

class SecretCipherTest {

  static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
  static final String OTHER_KEY =
      Base64.getEncoder().encodeToString("another key of thirty-two bytes!".getBytes());

  @Test
  void aSealedSecretHidesTheSecretAndOpensToIt() {
    SecretCipher cipher = new SecretCipher(KEY);
    String secret = WebhookSignature.newSecret();
    String sealed = cipher.seal("wh_1", secret);
    assertThat(sealed).startsWith("aesgcm:v1:").doesNotContain(secret.substring(6));
    assertThat(cipher.seal("wh_1", secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
    assertThat(cipher.open("wh_1", sealed)).isEqualTo(secret);
  }

  @Test
  void itOpensOnlyWithItsKeyAndForItsSubscription() {
    String sealed = new SecretCipher(KEY).seal("wh_1", WebhookSignature.newSecret());
    assertThatThrownBy(() -> new SecretCipher(OTHER_KEY).open("wh_1", sealed))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new SecretCipher(KEY).open("wh_2", sealed))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aSecretStoredInClearIsUsedAsItIs() {
    String secret = WebhookSignature.newSecret();
    assertThat(new SecretCipher(KEY).open("wh_1", secret)).isEqualTo(secret);
  }

  @Test
  void aKeyOfAnotherSizeIsRefused() {
    assertThatThrownBy(() -> new SecretCipher(Base64.getEncoder().encodeToString(new byte[16])))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
