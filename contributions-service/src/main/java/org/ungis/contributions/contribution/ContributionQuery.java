package org.ungis.contributions.contribution;

/**
 * A filter and a page over contributions; null filters match everything.
 *
 * @param page zero-based page number
 * @param size page size
 */
public record ContributionQuery(
    String agency, String processId, ContributionStatus status, int page, int size) {

  /** The largest page size served. */
  public static final int MAX_SIZE = 200;

  public ContributionQuery {
    if (page < 0) {
      throw new RefusedException(Refusal.VALIDATION, "page must be 0 or more", "page");
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new RefusedException(
          Refusal.VALIDATION, "size must be between 1 and " + MAX_SIZE, "size");
    }
  }

  public boolean matches(Contribution c) {
    return (agency == null || agency.equals(c.agency()))
        && (processId == null || processId.equals(c.processId()))
        && (status == null || status == c.status());
  }
}
