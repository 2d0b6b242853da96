package org.ungis.contributions.contribution;

import java.util.Locale;

/**
 * Which contributions a list holds; a null field matches everything.
 *
 * @param agency the owning agency's code
 * @param processId the call for inputs
 * @param status the status
 * @param language the language of the current revision
 * @param sdg a Sustainable Development Goal (1-17) the current revision names
 * @param actionLine a WSIS action line the current revision names
 * @param text words that the current revision's title or summary contains, ignoring case
 */
public record ContributionFilter(
    String agency,
    String processId,
    ContributionStatus status,
    Language language,
    Integer sdg,
    ActionLine actionLine,
    String text) {

  /** Every contribution. */
  public static final ContributionFilter ALL =
      new ContributionFilter(null, null, null, null, null, null, null);

  public ContributionFilter {
    text = text == null || text.isBlank() ? null : text.strip().toLowerCase(Locale.ROOT);
  }

  /** The same filter for one agency's contributions only. */
  public ContributionFilter withAgency(String agency) {
    return new ContributionFilter(agency, processId, status, language, sdg, actionLine, text);
  }

  public boolean matches(Contribution c) {
    Content content = c.content();
    return (agency == null || agency.equals(c.agency()))
        && (processId == null || processId.equals(c.processId()))
        && (status == null || status == c.status())
        && (language == null || language == content.language())
        && (sdg == null || content.sdgs().contains(sdg))
        && (actionLine == null || content.actionLines().contains(actionLine))
        && (text == null || contains(content.title(), text) || contains(content.summary(), text));
  }

  private static boolean contains(String field, String lowerCaseText) {
    return field != null && field.toLowerCase(Locale.ROOT).contains(lowerCaseText);
  }
}
