package org.ungis.schemas.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

  // The example of the Standard Webhooks reference libraries.
  static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
  static final String ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
  static final Instant TIMESTAMP = Instant.ofEpochSecond(1614265330);
  static final String BODY = "{\"test\": 2432232314}";

  @Test
  void signsLikeTheReferenceImplementations() {
    assertThat(new WebhookSignature(SECRET).sign(ID, TIMESTAMP, BODY))
        .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
  }

  @Test
  void verifiesAmongSeveralSignaturesAndRefusesAChangedBodyOrTimestamp() {
    WebhookSignature signature = new WebhookSignature(SECRET);
    String header = "v1,bm90LXRoaXMtb25l " + signature.sign(ID, TIMESTAMP, BODY);

    assertThat(signature.verify(ID, TIMESTAMP, BODY, header)).isTrue();
    assertThat(signature.verify(ID, TIMESTAMP, BODY + " ", header)).isFalse();
    assertThat(signature.verify(ID, TIMESTAMP.plusSeconds(1), BODY, header)).isFalse();
    assertThat(
            new WebhookSignature(WebhookSignature.newSecret()).verify(ID, TIMESTAMP, BODY, header))
        .isFalse();
  }

  @Test
  void verifiesTheTimestampHeaderAsTheReceiverGotIt() {
    WebhookSignature signature = new WebhookSignature(SECRET);
    String header = signature.sign(ID, TIMESTAMP, BODY);

    assertThat(signature.verify(ID, "1614265330", BODY, header)).isTrue();
    assertThat(signature.verify(ID, "1614265331", BODY, header)).isFalse();
    assertThat(signature.verify(ID, "", BODY, header)).isFalse();
  }

  @Test
  void aNewSecretIsAUsableWhsecSecret() {
    String secret = WebhookSignature.newSecret();
    assertThat(secret).startsWith("whsec_").isNotEqualTo(WebhookSignature.newSecret());
    assertThat(new WebhookSignature(secret).sign(ID, TIMESTAMP, BODY)).startsWith("v1,");
    assertThatThrownBy(() -> new WebhookSignature("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
