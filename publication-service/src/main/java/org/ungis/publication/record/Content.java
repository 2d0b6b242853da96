package org.ungis.publication.record;

import java.util.List;
import java.util.Objects;

/**
 * The text of one approved revision of a contribution, as it is published.
 *
 * <p>publication-service's own record of the text, deliberately: it reads the contributions topic
 * and shares no domain class with contributions-service (whose {@code Content.Draft} has the same
 * fields, as the event does).
 *
 * @param title title of the input
 * @param summary short summary, may be empty
 * @param body the full text; paragraphs are separated by blank lines
 * @param language ISO 639-1 code of one of the six official UN languages, upper case (EN, FR...)
 * @param actionLines WSIS action lines addressed (C1...C11)
 * @param sdgs Sustainable Development Goals addressed (1-17)
 * @param links absolute http(s) URLs
 */
public record Content(
    String title,
    String summary,
    String body,
    String language,
    List<String> actionLines,
    List<Integer> sdgs,
    List<String> links) {

  public Content {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(body, "body");
    summary = summary == null ? "" : summary;
    language = language == null ? "" : language;
    actionLines = actionLines == null ? List.of() : List.copyOf(actionLines);
    sdgs = sdgs == null ? List.of() : List.copyOf(sdgs);
    links = links == null ? List.of() : List.copyOf(links);
  }
}
