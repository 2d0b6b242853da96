package org.ungis.notification.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.ungis.reference.Person;

class LettersTest {

  static final Letters LETTERS = new Letters(URI.create("https://portal.ungis.example"));

  static Person person(String language) {
    return new Person(null, "Ana Example", "ana@itu.int", "ITU", Person.Role.FOCAL_POINT, language);
  }

  static Properties texts(String language) throws Exception {
    String name =
        "/org/ungis/notification/notice/texts"
            + ("en".equals(language) ? "" : "_" + language)
            + ".properties";
    Properties properties = new Properties();
    try (InputStream in = LettersTest.class.getResourceAsStream(name)) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return properties;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "zh", "en", "fr", "ru", "es"})
  void everyLanguageHasEveryTextOfEveryKind(String language) throws Exception {
    Properties texts = texts(language);
    assertThat(texts.stringPropertyNames())
        .containsExactlyInAnyOrderElementsOf(texts("en").stringPropertyNames());
    for (Kind kind : Kind.values()) {
      assertThat(texts.getProperty(kind + ".subject")).as(language + " " + kind).isNotBlank();
      assertThat(texts.getProperty(kind + ".body")).as(language + " " + kind).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "zh", "en", "fr", "ru", "es"})
  void everyKindIsWrittenInTheRecipientsLanguageWithBothPartsAndTheLink(String language)
      throws Exception {
    Properties texts = texts(language);
    for (Kind kind : Kind.values()) {
      Notice notice =
          new Notice(
              "e-1",
              kind,
              person(language),
              new Notice.Facts(
                  "gdc-2023",
                  "Global Digital Compact",
                  kind.name().endsWith("AWAITING")
                          || kind == Kind.APPROVED
                          || kind == Kind.REJECTED
                          || kind == Kind.CHANGES_REQUESTED
                      ? "c-1"
                      : null,
                  "ITU",
                  Instant.parse("2023-04-30T23:59:59Z"),
                  "Shorter <please> & clearer",
                  2));

      Letter letter = LETTERS.write(notice);

      assertThat(letter.language()).isEqualTo(language);
      assertThat(letter.subject()).doesNotContain("{").startsWith("[UNGIS]");
      assertThat(letter.text())
          .as(language + " " + kind)
          .doesNotContain("{")
          .contains("Ana Example")
          .contains(letter.link())
          .contains(texts.getProperty("footer"));
      assertThat(letter.html())
          .contains("lang=\"" + language + "\"")
          .contains("<a href=\"" + letter.link() + "\">")
          .contains("Shorter &lt;please&gt; &amp; clearer")
          .doesNotContain("<please>");
      assertThat(letter.link()).startsWith("https://portal.ungis.example/");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar"})
  void arabicIsWrittenRightToLeft(String language) {
    Letter letter =
        LETTERS.write(
            new Notice(
                "e-1",
                Kind.CALL_OPENED,
                person(language),
                new Notice.Facts("gdc-2023", "GDC", null, null, Instant.EPOCH, null, null)));
    assertThat(letter.html()).contains("dir=\"rtl\"");
    assertThat(letter.link()).isEqualTo("https://portal.ungis.example/calls/gdc-2023");
  }
}
