package org.ungis.contributions.contribution;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The text of one revision of a contribution. Only {@link #parse(Draft)} builds one from client
 * input, so every instance obeys the limits below.
 */
public record Content(
    String title,
    String summary,
    String body,
    Language language,
    List<ActionLine> actionLines,
    List<Integer> sdgs,
    List<String> links) {

  /** Title: required, not blank, at most this many characters (Unicode code points). */
  public static final int TITLE_MAX = 300;

  /** Summary: optional, at most this many characters. */
  public static final int SUMMARY_MAX = 2_000;

  /** Body: required, not blank, at most this many characters. */
  public static final int BODY_MAX = 50_000;

  /** At most this many links. */
  public static final int LINKS_MAX = 50;

  /** A link is at most this many characters. */
  public static final int LINK_MAX = 2_048;

  public Content {
    Objects.requireNonNull(title, "title");
    summary = summary == null ? "" : summary;
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(language, "language");
    actionLines = List.copyOf(actionLines);
    sdgs = List.copyOf(sdgs);
    links = List.copyOf(links);
  }

  /**
   * Content as a client sends it, before validation: enums as strings, lists possibly null.
   *
   * @param title required, 1-300 characters, not blank
   * @param summary optional, at most 2,000 characters
   * @param body required, 1-50,000 characters, not blank
   * @param language one of AR, ZH, EN, FR, RU, ES
   * @param actionLines WSIS action lines C1-C11, no duplicates
   * @param sdgs Sustainable Development Goals 1-17, no duplicates
   * @param links absolute http(s) URLs, no duplicates, at most 50
   */
  public record Draft(
      String title,
      String summary,
      String body,
      String language,
      List<String> actionLines,
      List<Integer> sdgs,
      List<String> links) {}

  /** Validates a draft, reporting every field at fault at once. */
  public static Content parse(Draft draft) {
    List<FieldError> errors = new ArrayList<>();
    text(errors, "title", draft.title(), true, TITLE_MAX);
    text(errors, "summary", draft.summary(), false, SUMMARY_MAX);
    text(errors, "body", draft.body(), true, BODY_MAX);
    Language language = language(errors, draft.language());
    List<ActionLine> actionLines = actionLines(errors, orEmpty(draft.actionLines()));
    List<Integer> sdgs = sdgs(errors, orEmpty(draft.sdgs()));
    List<String> links = links(errors, orEmpty(draft.links()));
    if (!errors.isEmpty()) {
      throw new RefusedException(Refusal.VALIDATION, "The contribution is not valid.", errors);
    }
    return new Content(
        draft.title(), draft.summary(), draft.body(), language, actionLines, sdgs, links);
  }

  private static void text(
      List<FieldError> errors, String field, String value, boolean required, int max) {
    if (value == null || value.isBlank()) {
      if (required) {
        errors.add(new FieldError(field, field + " is required and must not be blank"));
      }
      return;
    }
    int length = value.codePointCount(0, value.length());
    if (length > max) {
      errors.add(
          new FieldError(
              field, field + " has " + length + " characters; at most " + max + " are allowed"));
    }
  }

  private static Language language(List<FieldError> errors, String value) {
    if (value == null || value.isBlank()) {
      errors.add(new FieldError("language", "language is required (one of AR ZH EN FR RU ES)"));
      return null;
    }
    try {
      return Language.valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      errors.add(
          new FieldError(
              "language", "unknown language '" + value + "' (one of AR ZH EN FR RU ES)"));
      return null;
    }
  }

  private static List<ActionLine> actionLines(List<FieldError> errors, List<String> values) {
    List<ActionLine> result = new ArrayList<>();
    Set<ActionLine> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String field = "actionLines[" + i + "]";
      String value = values.get(i);
      ActionLine line = null;
      if (value != null) {
        try {
          line = ActionLine.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
          line = null;
        }
      }
      if (line == null) {
        errors.add(new FieldError(field, "unknown action line '" + value + "' (C1 to C11)"));
      } else if (!seen.add(line)) {
        errors.add(new FieldError(field, "duplicate action line " + line));
      } else {
        result.add(line);
      }
    }
    return result;
  }

  private static List<Integer> sdgs(List<FieldError> errors, List<Integer> values) {
    List<Integer> result = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String field = "sdgs[" + i + "]";
      Integer sdg = values.get(i);
      if (sdg == null || sdg < 1 || sdg > 17) {
        errors.add(new FieldError(field, "SDG " + sdg + " is outside 1-17"));
      } else if (!seen.add(sdg)) {
        errors.add(new FieldError(field, "duplicate SDG " + sdg));
      } else {
        result.add(sdg);
      }
    }
    return result;
  }

  private static List<String> links(List<FieldError> errors, List<String> values) {
    if (values.size() > LINKS_MAX) {
      errors.add(new FieldError("links", "at most " + LINKS_MAX + " links are allowed"));
      return List.of();
    }
    List<String> result = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      String field = "links[" + i + "]";
      String link = values.get(i);
      if (!isHttpUrl(link)) {
        errors.add(new FieldError(field, "'" + link + "' is not an absolute http(s) URL"));
      } else if (!seen.add(link)) {
        errors.add(new FieldError(field, "duplicate link " + link));
      } else {
        result.add(link);
      }
    }
    return result;
  }

  private static boolean isHttpUrl(String link) {
    if (link == null || link.isBlank() || link.length() > LINK_MAX) {
      return false;
    }
    try {
      URI uri = new URI(link);
      String scheme = uri.getScheme();
      return uri.isAbsolute()
          && scheme != null
          && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          && uri.getHost() != null
          && !uri.getHost().isBlank();
    } catch (URISyntaxException e) {
      return false;
    }
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return list == null ? List.of() : list;
  }
}
