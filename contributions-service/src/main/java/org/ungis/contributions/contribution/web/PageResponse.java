package org.ungis.contributions.contribution.web;

import java.util.List;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.Page;

/** A page of contributions and where it sits in the whole result. */
record PageResponse(List<ContributionResponse> items, PageMetadata page) {

  record PageMetadata(int page, int size, long totalElements, int totalPages) {}

  static PageResponse of(Page<Contribution> page) {
    return new PageResponse(
        page.items().stream().map(ContributionResponse::of).toList(),
        new PageMetadata(page.page(), page.size(), page.totalElements(), page.totalPages()));
  }
}
