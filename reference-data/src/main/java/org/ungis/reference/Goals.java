package org.ungis.reference;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The full names of the Sustainable Development Goals (1-17) and of the WSIS action lines (C1-C11)
 * in the six official languages of the United Nations; the bundled file is {@code
 * org/ungis/reference/goals.yml}. Checked when loaded: every goal and action line has a name in
 * every language.
 */
public final class Goals {

  /** Classpath location of the bundled names. */
  public static final String DEFAULT_RESOURCE = "org/ungis/reference/goals.yml";

  /** The six official languages of the United Nations, as upper-case ISO 639-1 codes. */
  public static final List<String> LANGUAGES = List.of("AR", "ZH", "EN", "FR", "RU", "ES");

  private final Map<Integer, Map<String, String>> sdgs;
  private final Map<String, Map<String, String>> actionLines;

  Goals(Map<Integer, Map<String, String>> sdgs, Map<String, Map<String, String>> actionLines) {
    for (int goal = 1; goal <= 17; goal++) {
      requireAllLanguages("SDG " + goal, sdgs.get(goal));
    }
    for (int line = 1; line <= 11; line++) {
      requireAllLanguages("C" + line, actionLines.get("C" + line));
    }
    this.sdgs = Map.copyOf(sdgs);
    this.actionLines = Map.copyOf(actionLines);
  }

  /** The bundled names. */
  public static Goals load() {
    try (InputStream in = Goals.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + DEFAULT_RESOURCE);
      }
      ObjectMapper mapper =
          YAMLMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
      GoalsFile file = mapper.readValue(in, GoalsFile.class);
      return new Goals(new LinkedHashMap<>(file.sdgs()), new LinkedHashMap<>(file.actionLines()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The name of an SDG in a language.
   *
   * @param goal 1-17
   * @param language AR, ZH, EN, FR, RU or ES (an unknown language gives the English name)
   * @return the name, or {@code "SDG n"} for a number outside 1-17
   */
  public String sdg(int goal, String language) {
    Map<String, String> names = sdgs.get(goal);
    return names == null ? "SDG " + goal : in(names, language);
  }

  /**
   * The name of a WSIS action line in a language.
   *
   * @param code C1-C11
   * @param language AR, ZH, EN, FR, RU or ES (an unknown language gives the English name)
   * @return the name, or the code itself for an unknown code
   */
  public String actionLine(String code, String language) {
    Map<String, String> names = actionLines.get(code);
    return names == null ? code : in(names, language);
  }

  private static String in(Map<String, String> names, String language) {
    return names.getOrDefault(language, names.get("EN"));
  }

  private static void requireAllLanguages(String what, Map<String, String> names) {
    if (names == null || !names.keySet().containsAll(Set.copyOf(LANGUAGES))) {
      throw new IllegalArgumentException(what + " needs a name in each of " + LANGUAGES);
    }
  }

  record GoalsFile(
      Map<Integer, Map<String, String>> sdgs, Map<String, Map<String, String>> actionLines) {}
}
