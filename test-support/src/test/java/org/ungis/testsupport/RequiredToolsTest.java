package org.ungis.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

class RequiredToolsTest {

  @Test
  void aMissingToolFailsTheTestInCi() {
    assertThatThrownBy(() -> RequiredTools.require(false, "node --version", "true"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("`node --version` does not run, and CI=true");
  }

  @Test
  void aMissingToolSkipsTheTestOutsideCi() {
    assertThatThrownBy(() -> RequiredTools.require(false, "npm --version", null))
        .isInstanceOf(TestAbortedException.class);
    assertThatThrownBy(() -> RequiredTools.require(false, "npm --version", "false"))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void aToolThatRunsLetsTheTestGoOnAlsoInCi() {
    assertThatCode(() -> RequiredTools.require(true, "node --version", "true"))
        .doesNotThrowAnyException();
  }

  @Test
  void aCommandThatDoesNotExistDoesNotRun() {
    assertThat(RequiredTools.runs("no-such-command-" + System.nanoTime())).isFalse();
    assertThat(RequiredTools.runs("java", "-version")).isTrue();
  }
}
