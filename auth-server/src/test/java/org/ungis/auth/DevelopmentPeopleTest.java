package org.ungis.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.ungis.reference.People;
import org.ungis.reference.Person;

class DevelopmentPeopleTest {

  final People people = People.load();
  final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

  @Test
  void everyoneOfTheDirectoryHasADevelopmentPasswordMatchingItsHash() {
    Map<String, String> hashes =
        PasswordsFile.load(new ClassPathResource("dev-people.yml"), people);

    assertThat(DevelopmentPeople.logins())
        .extracting(login -> login.person().id())
        .containsExactlyElementsOf(people.all().stream().map(Person::id).toList());
    for (DevelopmentPeople.Login login : DevelopmentPeople.logins()) {
      assertThat(encoder.matches(login.password(), hashes.get(login.person().id())))
          .as(login.person().id())
          .isTrue();
    }
  }

  @Test
  void developmentPasswordsAreDistinct() {
    assertThat(DevelopmentPeople.logins())
        .extracting(DevelopmentPeople.Login::password)
        .doesNotHaveDuplicates();
  }

  @Test
  void aPasswordForSomeoneOutsideTheDirectoryIsRefused() {
    assertThatThrownBy(
            () -> PasswordsFile.load(yaml("passwords:\n  someone@acme.org: \"{noop}x\"\n"), people))
        .hasMessageContaining("someone@acme.org, who is not in the directory");
  }

  @Test
  void aPasswordInClearTextIsRefused() {
    assertThatThrownBy(
            () ->
                PasswordsFile.load(yaml("passwords:\n  wei.zhang@itu.int: jade-bridge\n"), people))
        .hasMessageContaining("must be a hash naming its algorithm");
  }

  @Test
  void idsAreMatchedInAnyCase() {
    Map<String, String> hashes =
        PasswordsFile.load(yaml("passwords:\n  Wei.Zhang@ITU.int: \"{noop}x\"\n"), people);

    assertThat(hashes).containsOnlyKeys("wei.zhang@itu.int");
  }

  private static ByteArrayResource yaml(String text) {
    return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test passwords");
  }
}
