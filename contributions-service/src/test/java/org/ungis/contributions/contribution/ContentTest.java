package org.ungis.contributions.contribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContentTest {

  static Content.Draft draft() {
    return new Content.Draft(
        "Digital public infrastructure",
        "Short summary",
        "The body",
        "en",
        List.of("C1", "c7"),
        List.of(9, 17),
        List.of("https://www.itu.int/wsis"));
  }

  static List<FieldError> errorsOf(Content.Draft draft) {
    RefusedException e = catchThrowableOfType(RefusedException.class, () -> Content.parse(draft));
    assertThat(e).isNotNull();
    assertThat(e.refusal()).isEqualTo(Refusal.VALIDATION);
    return e.errors();
  }

  @Test
  void aValidDraftParses() {
    Content content = Content.parse(draft());

    assertThat(content.language()).isEqualTo(Language.EN);
    assertThat(content.actionLines()).containsExactly(ActionLine.C1, ActionLine.C7);
    assertThat(content.sdgs()).containsExactly(9, 17);
  }

  @Test
  void missingTitleAndBodyAreNamed() {
    var d = draft();
    var errors =
        errorsOf(
            new Content.Draft(" ", null, null, d.language(), d.actionLines(), d.sdgs(), d.links()));

    assertThat(errors).extracting(FieldError::field).containsExactly("title", "body");
  }

  @Test
  void limitsAreCountedInCharacters() {
    var d = draft();
    String title300 = "م".repeat(300);
    Content ok =
        Content.parse(
            new Content.Draft(
                title300, "s".repeat(2000), "b".repeat(50_000), "AR", null, null, null));
    assertThat(ok.title()).hasSize(300);

    var errors =
        errorsOf(
            new Content.Draft(
                "t".repeat(301),
                "s".repeat(2001),
                "b".repeat(50_001),
                d.language(),
                d.actionLines(),
                d.sdgs(),
                d.links()));
    assertThat(errors).extracting(FieldError::field).containsExactly("title", "summary", "body");
  }

  @Test
  void enumsRangesLinksAndDuplicatesAreChecked() {
    var d = draft();
    var errors =
        errorsOf(
            new Content.Draft(
                d.title(),
                d.summary(),
                d.body(),
                "DE",
                List.of("C1", "C12", "C1"),
                Arrays.asList(0, 18, 3, 3, null),
                List.of("ftp://example.org", "not a url", "https://a.org", "https://a.org")));

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly(
            "language",
            "actionLines[1]",
            "actionLines[2]",
            "sdgs[0]",
            "sdgs[1]",
            "sdgs[3]",
            "sdgs[4]",
            "links[0]",
            "links[1]",
            "links[3]");
  }
}
