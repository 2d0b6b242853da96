package org.ungis.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessagePattern;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every key of the English bundle is in each of the five others, and every message parses. */
class MessageBundlesTest {

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "zh", "fr", "ru", "es"})
  void everyKeyIsTranslated(String language) throws IOException {
    Properties english = load("messages.properties");
    Properties other = load("messages_" + language + ".properties");
    Set<String> missing = new TreeSet<>(english.stringPropertyNames());
    missing.removeAll(other.stringPropertyNames());
    Set<String> extra = new TreeSet<>(other.stringPropertyNames());
    extra.removeAll(english.stringPropertyNames());
    assertThat(missing).as("keys missing in messages_%s", language).isEmpty();
    assertThat(extra).as("keys only in messages_%s", language).isEmpty();
    for (String key : other.stringPropertyNames()) {
      assertThat(other.getProperty(key)).as("%s in %s", key, language).isNotBlank();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "_ar", "_zh", "_fr", "_ru", "_es"})
  void everyMessageIsValidIcuAndKeepsItsPlaceholders(String suffix) throws IOException {
    Properties english = load("messages.properties");
    Properties bundle = load("messages" + suffix + ".properties");
    for (String key : bundle.stringPropertyNames()) {
      MessagePattern pattern = new MessagePattern(bundle.getProperty(key));
      assertThat(placeholders(pattern))
          .as("placeholders of %s in messages%s", key, suffix)
          .isEqualTo(placeholders(new MessagePattern(english.getProperty(key, ""))));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ar", "zh", "en", "fr", "ru", "es"})
  void aQuorumReadsAsASentence(String language) {
    IcuMessageSource messages = new IcuMessageSource("messages");
    String text =
        messages.getMessage("quorum", new Object[] {1, 2}, Locale.forLanguageTag(language));
    assertThat(text).doesNotContain("{").doesNotContain("}");
  }

  private static Set<Integer> placeholders(MessagePattern pattern) {
    Set<Integer> numbers = new TreeSet<>();
    for (int i = 0; i < pattern.countParts(); i++) {
      MessagePattern.Part part = pattern.getPart(i);
      if (part.getType() == MessagePattern.Part.Type.ARG_NUMBER) {
        numbers.add(part.getValue());
      }
    }
    return numbers;
  }
}
