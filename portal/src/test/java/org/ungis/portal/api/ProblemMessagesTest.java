package org.ungis.portal.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.ungis.portal.api.ApiProblem.FieldProblem;

class ProblemMessagesTest {

  private static ApiProblem problem(int status, String slug, String reason) {
    return new ApiProblem(status, "https://ungis.org/problems/" + slug, reason, "detail", null);
  }

  @Test
  void aRefusalsReasonBecomesItsOwnSentence() {
    assertThat(ProblemMessages.key(problem(403, "forbidden", "RECUSAL")))
        .isEqualTo("problem.recusal");
    assertThat(ProblemMessages.key(problem(403, "forbidden", "NOT_ON_ROTA")))
        .isEqualTo("problem.not-on-rota");
    assertThat(ProblemMessages.key(problem(409, "stale-revision", "STALE_REVISION")))
        .isEqualTo("problem.stale-revision");
    assertThat(ProblemMessages.key(problem(409, "conflict", "ALREADY_DECIDED")))
        .isEqualTo("problem.already-decided");
    assertThat(ProblemMessages.key(problem(409, "conflict", "AGENCY_ALREADY_APPROVED")))
        .isEqualTo("problem.agency-already-approved");
  }

  @Test
  void withoutAReasonTheTypeDecidesThenTheStatus() {
    assertThat(ProblemMessages.key(problem(409, "call-closed", null)))
        .isEqualTo("problem.call-closed");
    assertThat(ProblemMessages.key(problem(422, "deadline-passed", null)))
        .isEqualTo("problem.deadline-passed");
    assertThat(ProblemMessages.key(problem(422, "unknown-process", "")))
        .isEqualTo("problem.call-unknown");
    assertThat(ProblemMessages.key(new ApiProblem(503, "", null, null, null)))
        .isEqualTo("problem.unavailable");
    assertThat(ProblemMessages.key(new ApiProblem(404, "about:blank", null, null, null)))
        .isEqualTo("problem.not-found");
    assertThat(ProblemMessages.key(new ApiProblem(500, null, null, null, null)))
        .isEqualTo("problem.unexpected");
    assertThat(ProblemMessages.key(problem(400, "unknown-parameter", null)))
        .isEqualTo("problem.validation");
    assertThat(ProblemMessages.key(problem(403, "forbidden", "SOMETHING_NEW")))
        .isEqualTo("problem.forbidden");
  }

  @Test
  void fieldErrorsBelongToTheFormsFieldsFirstErrorWins() {
    ApiProblem invalid =
        new ApiProblem(
            400,
            "https://ungis.org/problems/validation",
            null,
            "Invalid input",
            List.of(
                new FieldProblem("title", "must not be blank"),
                new FieldProblem("sdgs[0]", "must be between 1 and 17"),
                new FieldProblem("sdgs[1]", "duplicate"),
                new FieldProblem("links[2]", "must be an absolute http(s) URL"),
                new FieldProblem("body", "must be at most 50000 characters"),
                new FieldProblem("processId", "unknown")));
    Map<String, String> keys = ProblemMessages.fieldKeys(invalid);
    assertThat(keys)
        .containsExactly(
            Map.entry("title", "error.title.required"),
            Map.entry("sdgs", "error.sdgs"),
            Map.entry("links", "error.links"),
            Map.entry("body", "error.body.long"),
            Map.entry("process", "error.process"));
  }

  @Test
  void aFormShowsTheFieldErrorsOrElseTheWholeProblemInWords() {
    org.ungis.portal.web.FormErrors errors =
        new org.ungis.portal.web.FormErrors(Map.of("sdgs", "sdg-1"))
            .add(
                new ApiProblem(
                    400,
                    "https://ungis.org/problems/validation",
                    null,
                    null,
                    List.of(new FieldProblem("sdgs[3]", "out of range"))));
    assertThat(errors.problem()).isNull();
    assertThat(errors.links()).containsExactly(Map.entry("#sdg-1", "error.sdgs"));

    org.ungis.portal.web.FormErrors stale =
        new org.ungis.portal.web.FormErrors().add(problem(409, "stale-revision", "STALE_REVISION"));
    assertThat(stale.any()).isTrue();
    assertThat(stale.problem()).isEqualTo("problem.stale-revision");
  }
}
