package org.ungis.contributions.contribution;

/**
 * A filter and a page over contributions, in an order.
 *
 * @param filter which contributions
 * @param page zero-based page number
 * @param size page size (the web layer checks its bounds)
 * @param order the list's order
 */
public record ContributionQuery(
    ContributionFilter filter, int page, int size, ContributionOrder order) {

  public ContributionQuery {
    if (filter == null || page < 0 || size < 1 || order == null) {
      throw new IllegalArgumentException(
          "a query needs a filter, page >= 0, size >= 1 and an order");
    }
  }

  /** A query in the default order: submission time, then id. */
  public ContributionQuery(ContributionFilter filter, int page, int size) {
    this(filter, page, size, ContributionOrder.SUBMITTED);
  }

  /** How many matches, in order, the page needs (its own and every earlier page's). */
  public int limit() {
    return (int) Math.min((long) (page + 1) * size, Integer.MAX_VALUE);
  }

  public boolean matches(Contribution c) {
    return filter.matches(c);
  }
}
