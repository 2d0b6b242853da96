package org.ungis.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.UncheckedIOException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;
import org.ungis.portal.api.ApiProblem;
import org.ungis.portal.api.ServiceUnavailableException;

class ListProblemsTest {

  private final ExtendedModelMap model = new ExtendedModelMap();

  @Test
  void aListThatIsReadLeavesNoProblem() {
    List<String> calls = ListProblems.read(model, "callsProblem", () -> List.of("wsis"), List.of());

    assertThat(calls).containsExactly("wsis");
    assertThat(model).doesNotContainKey("callsProblem");
  }

  @Test
  void aRefusalIsSaidInWordsInsteadOfAnEmptyList() {
    List<String> calls =
        ListProblems.read(
            model,
            "callsProblem",
            () -> {
              throw new ApiProblem.Exception(
                  new ApiProblem(
                      403, "https://ungis.org/problems/forbidden", null, "no", List.of()));
            },
            List.of());

    assertThat(calls).isEmpty();
    assertThat(model).containsEntry("callsProblem", "problem.forbidden");
  }

  /** (That a call which gets no answer throws it: {@code ContributionsClientTest}.) */
  @Test
  void aServiceThatDoesNotAnswerIsSaidToBeUnavailable() {
    List<?> records =
        ListProblems.read(
            model,
            "recordsProblem",
            () -> {
              throw new ServiceUnavailableException(
                  new UncheckedIOException(new java.net.ConnectException("refused")));
            },
            List.of());

    assertThat(records).isEmpty();
    assertThat(model).containsEntry("recordsProblem", "problem.unavailable");
  }
}
