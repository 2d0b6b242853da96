package org.ungis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class GoalsTest {

  final Goals goals = Goals.load();

  @Test
  void everyGoalAndActionLineHasItsFullNameInTheSixLanguages() {
    assertThat(goals.sdg(9, "EN")).isEqualTo("Industry, innovation and infrastructure");
    assertThat(goals.sdg(9, "FR")).isEqualTo("Industrie, innovation et infrastructure");
    assertThat(goals.sdg(5, "AR")).isEqualTo("المساواة بين الجنسين");
    assertThat(goals.sdg(4, "ZH")).isEqualTo("优质教育");
    assertThat(goals.actionLine("C2", "RU"))
        .isEqualTo("Информационно-коммуникационная инфраструктура");
    assertThat(goals.actionLine("C5", "ES"))
        .isEqualTo("Creación de confianza y seguridad en la utilización de las TIC");
    for (String language : Goals.LANGUAGES) {
      for (int goal = 1; goal <= 17; goal++) {
        assertThat(goals.sdg(goal, language)).isNotBlank().doesNotStartWith("SDG");
      }
    }
  }

  @Test
  void aMissingTranslationIsRefusedAtLoad() {
    assertThatThrownBy(() -> new Goals(Map.of(1, Map.of("EN", "No poverty")), Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("SDG 1");
  }
}
