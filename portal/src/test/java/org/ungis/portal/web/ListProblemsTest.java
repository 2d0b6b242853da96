package org.ungis.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.ui.ExtendedModelMap;
import org.springframework.web.client.RestClient;
import org.ungis.portal.api.ApiProblem;

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

  @Test
  void aServiceThatDoesNotAnswerIsSaidToBeUnavailable() throws IOException {
    int closed;
    try (ServerSocket socket = new ServerSocket(0)) {
      closed = socket.getLocalPort();
    }
    String url = "http://127.0.0.1:" + closed + "/api/v1/records";

    List<?> records =
        ListProblems.read(
            model,
            "recordsProblem",
            () -> RestClient.create().get().uri(url).retrieve().body(List.class),
            List.of());

    assertThat(records).isEmpty();
    assertThat(model).containsEntry("recordsProblem", "problem.unavailable");
  }
}
