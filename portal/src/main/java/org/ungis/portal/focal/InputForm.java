package org.ungis.portal.focal;

import java.io.Serializable;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ungis.portal.api.ContributionsClient;
import org.ungis.portal.api.Models.Contribution;
import org.ungis.portal.web.FormErrors;

/**
 * The input form: every field of the API, as typed (kept on errors, kept in the session between the
 * form, "check your answers" and the submission).
 */
public class InputForm implements Serializable {

  /** Where the summary links for the grouped fields (the first checkbox of each). */
  static final Map<String, String> ANCHORS =
      Map.of("sdgs", "sdg-1", "actionLines", "al-C1", "language", "language");

  static final List<String> LANGUAGES = List.of("AR", "ZH", "EN", "FR", "RU", "ES");
  static final List<Integer> SDGS = java.util.stream.IntStream.rangeClosed(1, 17).boxed().toList();
  static final List<String> ACTION_LINES =
      java.util.stream.IntStream.rangeClosed(1, 11).mapToObj(i -> "C" + i).toList();

  private String process = "";
  private String title = "";
  private String summary = "";
  private String body = "";
  private String language = "";
  private List<Integer> sdgs = new ArrayList<>();
  private List<String> actionLines = new ArrayList<>();
  private String links = "";
  private String note = "";
  private String idempotencyKey = UUID.randomUUID().toString();

  static InputForm of(Contribution c) {
    InputForm form = new InputForm();
    form.process = c.processId();
    form.title = c.title();
    form.summary = c.summary() == null ? "" : c.summary();
    form.body = c.body();
    form.language = c.language();
    form.sdgs = new ArrayList<>(c.sdgs());
    form.actionLines = new ArrayList<>(c.actionLines());
    form.links = String.join("\n", c.links());
    return form;
  }

  /** The checks the portal can make before asking the service (which checks everything again). */
  FormErrors validate(boolean revision) {
    FormErrors errors = new FormErrors(ANCHORS);
    if (!revision && blank(process)) {
      errors.add("process", "error.process");
    }
    if (blank(title)) {
      errors.add("title", "error.title.required");
    } else if (title.codePointCount(0, title.length()) > 300) {
      errors.add("title", "error.title.long");
    }
    if (summary != null && summary.codePointCount(0, summary.length()) > 2_000) {
      errors.add("summary", "error.summary.long");
    }
    if (blank(body)) {
      errors.add("body", "error.body.required");
    } else if (body.codePointCount(0, body.length()) > 50_000) {
      errors.add("body", "error.body.long");
    }
    if (!LANGUAGES.contains(language)) {
      errors.add("language", "error.language");
    }
    for (String link : linkList()) {
      if (!isWebAddress(link)) {
        errors.add("links", "error.links");
      }
    }
    return errors;
  }

  static boolean isWebAddress(String link) {
    try {
      URI uri = new URI(link);
      return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
          && uri.getHost() != null
          && link.length() <= 2_048;
    } catch (java.net.URISyntaxException bad) {
      return false;
    }
  }

  List<String> linkList() {
    return Arrays.stream((links == null ? "" : links).split("\\R"))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }

  ContributionsClient.Content content() {
    return new ContributionsClient.Content(
        process,
        title.strip(),
        blank(summary) ? null : summary.strip(),
        body.strip(),
        language,
        actionLines == null ? List.of() : List.copyOf(actionLines),
        sdgs == null ? List.of() : List.copyOf(sdgs),
        linkList(),
        blank(note) ? null : note.strip());
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  public String getProcess() {
    return process;
  }

  public void setProcess(String process) {
    this.process = process;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getSummary() {
    return summary;
  }

  public void setSummary(String summary) {
    this.summary = summary;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public List<Integer> getSdgs() {
    return sdgs;
  }

  public void setSdgs(List<Integer> sdgs) {
    this.sdgs = sdgs == null ? new ArrayList<>() : new ArrayList<>(sdgs);
  }

  public List<String> getActionLines() {
    return actionLines;
  }

  public void setActionLines(List<String> actionLines) {
    this.actionLines = actionLines == null ? new ArrayList<>() : new ArrayList<>(actionLines);
  }

  public String getLinks() {
    return links;
  }

  public void setLinks(String links) {
    this.links = links;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  /** Keeps the key of the same draft seen earlier, so that one draft makes one input. */
  void keepKeyOf(InputForm earlier) {
    if (earlier != null) {
      idempotencyKey = earlier.idempotencyKey;
    }
  }

  String idempotencyKey() {
    return idempotencyKey;
  }
}
