package org.ungis.contributions.contribution;

/**
 * A filter and a page over contributions, ordered by submission time, then id.
 *
 * @param filter which contributions
 * @param page zero-based page number
 * @param size page size (the web layer checks its bounds)
 */
public record ContributionQuery(ContributionFilter filter, int page, int size) {

  public ContributionQuery {
    if (filter == null || page < 0 || size < 1) {
      throw new IllegalArgumentException("a query needs a filter, page >= 0 and size >= 1");
    }
  }

  public boolean matches(Contribution c) {
    return filter.matches(c);
  }
}
