package org.ungis.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PeopleTest {

  private final Roster roster = Roster.load();
  private final People people = People.load(roster);

  @Test
  void everyDemoAgencyHasAFocalPoint() {
    Set<String> agencies =
        people.all().stream()
            .filter(p -> p.role() == Person.Role.FOCAL_POINT)
            .map(Person::agency)
            .collect(Collectors.toSet());

    assertThat(agencies).contains("ITU", "UNESCO", "UNDP", "UNCTAD", "UNESCWA", "UNECA");
  }

  @Test
  void everyChairAndViceChairAgencyOfEveryPeriodHasAReviewer() {
    Set<String> reviewerAgencies =
        people.all().stream()
            .filter(p -> p.role() == Person.Role.REVIEWER)
            .map(Person::agency)
            .collect(Collectors.toSet());

    assertThat(reviewerAgencies).containsAll(roster.rotaAgencies());
  }

  @Test
  void aPersonIsFoundByLoginNameInAnyCaseWithTheirPreferredLanguage() {
    Person layla = people.byId("Layla.Haddad@UN.org").orElseThrow();

    assertThat(layla.id()).isEqualTo("layla.haddad@un.org");
    assertThat(layla.email()).isEqualTo("layla.haddad@un.org");
    assertThat(layla.agency()).isEqualTo("UNESCWA");
    assertThat(layla.role()).isEqualTo(Person.Role.FOCAL_POINT);
    assertThat(layla.locale()).isEqualTo(Locale.forLanguageTag("ar"));
    assertThat(people.byId("nobody@un.org")).isEmpty();
    assertThat(people.byId(null)).isEmpty();
  }

  @Test
  void preferredLanguagesVary() {
    assertThat(people.all()).extracting(Person::language).contains("ar", "fr", "zh", "es", "ru");
  }

  @Test
  void aReviewerMayChooseTheDailyDigestAndOthersHearOfInputsAtOnce() {
    People two =
        parse(
            "- { email: a.b@itu.int, name: A B, agency: ITU, role: REVIEWER, language: en,"
                + " awaitingReview: DAILY_DIGEST }\n"
                + "- { email: c.d@itu.int, name: C D, agency: ITU, role: REVIEWER, language: en }");

    assertThat(two.all())
        .extracting(Person::awaitingReview)
        .containsExactly(Person.AwaitingReview.DAILY_DIGEST, Person.AwaitingReview.IMMEDIATELY);
  }

  @Test
  void anUnknownAgencyIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "- { email: a.b@acme.org, name: A B, agency: ACME, role: FOCAL_POINT,"
                        + " language: en }"))
        .hasMessageContaining("unknown agency ACME");
  }

  @Test
  void aDuplicateIdIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "- { email: a.b@itu.int, name: A B, agency: ITU, role: FOCAL_POINT, language:"
                        + " en }\n"
                        + "- { email: A.B@itu.int, name: A B, agency: ITU, role: REVIEWER,"
                        + " language: fr }"))
        .hasMessageContaining("duplicate person id a.b@itu.int");
  }

  @Test
  void aDuplicateEmailUnderAnotherIdIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "- { id: ab, email: a.b@itu.int, name: A B, agency: ITU, role: FOCAL_POINT,"
                        + " language: en }\n"
                        + "- { id: ab2, email: a.b@itu.int, name: A B, agency: ITU, role:"
                        + " REVIEWER, language: en }"))
        .hasMessageContaining("share the e-mail a.b@itu.int");
  }

  @Test
  void aReviewerAtAnAgencyOnNoRotaIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "- { email: a.b@fao.org, name: A B, agency: FAO, role: REVIEWER,"
                        + " language: en }"))
        .hasMessageContaining("FAO, which chairs or vice-chairs no period");
  }

  @Test
  void aFocalPointAtAnAgencyOnNoRotaIsFine() {
    People one =
        parse("- { email: a.b@fao.org, name: A B, agency: FAO, role: FOCAL_POINT, language: es }");

    assertThat(one.all()).hasSize(1);
  }

  @Test
  void anUnknownLanguageIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "- { email: a.b@itu.int, name: A B, agency: ITU, role: FOCAL_POINT,"
                        + " language: de }"))
        .hasMessageContaining("language de, not one of [ar, zh, en, fr, ru, es]");
  }

  @Test
  void anUnknownRoleOrAMissingEmailIsRefused() {
    assertThatThrownBy(
            () ->
                parse(
                    "- { email: a.b@itu.int, name: A B, agency: ITU, role: CHAIR,"
                        + " language: en }"))
        .hasMessageContaining("CHAIR");
    assertThatThrownBy(() -> parse("- { name: A B, agency: ITU, role: FOCAL_POINT, language: en }"))
        .hasMessageContaining("email");
  }

  private People parse(String entries) {
    String yaml = "people:\n" + entries.indent(2);
    return People.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)), roster);
  }
}
