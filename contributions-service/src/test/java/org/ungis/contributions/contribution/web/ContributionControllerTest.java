package org.ungis.contributions.contribution.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.ungis.contributions.contribution.FieldError;
import org.ungis.contributions.contribution.RefusedException;

class ContributionControllerTest {

  @Test
  void ifMatchNamesTheExpectedRevision() {
    assertThat(ContributionController.expectedRevision("\"3\"", null)).isEqualTo(3);
    assertThat(ContributionController.expectedRevision("W/\"3\"", null)).isEqualTo(3);
    assertThat(ContributionController.expectedRevision("3", 3)).isEqualTo(3);
    assertThat(ContributionController.expectedRevision(null, 2)).isEqualTo(2);
    assertThat(ContributionController.expectedRevision("*", null)).isNull();
  }

  @Test
  void aMalformedOrContradictoryIfMatchIsRefusedNamingTheField() {
    assertThatThrownBy(() -> ContributionController.expectedRevision("\"abc\"", null))
        .isInstanceOfSatisfying(
            RefusedException.class,
            e -> assertThat(e.errors()).extracting(FieldError::field).containsExactly("If-Match"));
    assertThatThrownBy(() -> ContributionController.expectedRevision("\"2\"", 3))
        .isInstanceOfSatisfying(
            RefusedException.class,
            e ->
                assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("expectedRevision"));
  }
}
