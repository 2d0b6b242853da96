package org.ungis.portal.api;

import java.util.LinkedHashSet;
import java.util.List;
import org.springframework.stereotype.Component;
import org.ungis.client.contributions.ContributionsApi;
import org.ungis.client.contributions.model.ContributionRequest;
import org.ungis.client.contributions.model.WithdrawalRequest;
import org.ungis.portal.api.Models.Contribution;
import org.ungis.portal.api.Models.History;
import org.ungis.portal.api.Models.Page;

/** contributions-service's API, called with the signed-in person's token. */
@Component
public class ContributionsClient {

  /**
   * What a submission or a revision sends (the API's fields): the portal's own copy of the
   * request's shape, deliberately, as {@link Models} (it depends on no service module).
   */
  public record Content(
      String processId,
      String title,
      String summary,
      String body,
      String language,
      List<String> actionLines,
      List<Integer> sdgs,
      List<String> links,
      String note) {

    ContributionRequest request() {
      return new ContributionRequest()
          .processId(processId)
          .title(title)
          .summary(summary)
          .body(body)
          .language(language(language))
          .actionLines(actionLines == null ? null : new LinkedHashSet<>(actionLines))
          .sdgs(sdgs == null ? null : new LinkedHashSet<>(sdgs))
          .links(links == null ? null : new LinkedHashSet<>(links))
          .note(note);
    }

    /**
     * The language as the client types it; one it does not know is sent as none, so that the
     * service still answers its own field error on {@code language}.
     */
    private static ContributionRequest.LanguageEnum language(String code) {
      for (ContributionRequest.LanguageEnum known : ContributionRequest.LanguageEnum.values()) {
        if (known.getValue().equals(code)) {
          return known;
        }
      }
      return null;
    }
  }

  private final ServiceApi api;

  ContributionsClient(ServiceApi api) {
    this.api = api;
  }

  private ContributionsApi contributions() {
    return api.client().contributions();
  }

  /** The value of the list's {@code sort} for the latest change first. */
  static final String LATEST_FIRST = "-updatedAt";

  /**
   * The agency's own inputs (a focal point) or every input (a reviewer), of a call when given, in
   * submission order.
   */
  public Page<Contribution> list(String process, int page, int size) {
    return list(process, null, page, size);
  }

  /**
   * As {@link #list(String, int, int)}, the latest change first: a focal point's newest inputs, or
   * the one that stands for a call (a page of one).
   */
  public Page<Contribution> latest(String process, int page, int size) {
    return list(process, LATEST_FIRST, page, size);
  }

  private Page<Contribution> list(String process, String sort, int page, int size) {
    return api.page(
        () ->
            contributions()
                .listContributions(null, process, null, null, null, null, null, sort, page, size),
        Contribution.class);
  }

  public Contribution get(String id) {
    return api.call(() -> contributions().get(id), Contribution.class);
  }

  public History history(String id) {
    return api.call(() -> contributions().history(id), History.class);
  }

  /** Submits; the idempotency key makes a double click or a retry create one input. */
  public Contribution submit(Content content, String idempotencyKey) {
    return api.call(
        () -> contributions().submit(content.request(), idempotencyKey), Contribution.class);
  }

  /** A new revision of the text the person read: {@code If-Match} the revision it was based on. */
  public Contribution revise(String id, int basedOnRevision, Content content) {
    return api.call(
        () -> contributions().revise(id, content.request(), "\"" + basedOnRevision + "\""),
        Contribution.class);
  }

  public Contribution withdraw(String id, String reason) {
    return api.call(
        () -> contributions().withdraw(id, new WithdrawalRequest().reason(reason)),
        Contribution.class);
  }
}
