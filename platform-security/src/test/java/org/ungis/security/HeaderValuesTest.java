package org.ungis.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The firewall's header check must let through exactly what Spring Security's default does. */
class HeaderValuesTest {

  static final TestKeys KEYS = TestKeys.generate();

  @Test
  void headerValuesFollowSpringSecuritysDefaultRule() {
    Pattern springDefault = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
    HeaderValues values = new HeaderValues();
    String[] samples = {
      "Bearer " + KEYS.token(),
      "",
      "application/problem+json; charset=utf-8",
      "Genève, São Paulo, 北京, नई दिल्ली, 😀",
      "line\nbreak",
      "tab\there",
      "bell\u0007",
      "del\u007f",
      "c1\u0085",
      "unassigned\u0378",
      "nul\u0000"
    };
    for (String sample : samples) {
      assertThat(values.test(sample))
          .as("%s", sample)
          .isEqualTo(springDefault.matcher(sample).matches());
    }
  }
}
