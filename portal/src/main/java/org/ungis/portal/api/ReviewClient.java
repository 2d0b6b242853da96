package org.ungis.portal.api;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import org.ungis.client.review.ProcessesApi;
import org.ungis.client.review.ReviewsApi;
import org.ungis.client.review.model.Decide;
import org.ungis.client.review.model.DocumentSettings;
import org.ungis.client.review.model.Framing;
import org.ungis.client.review.model.GrantExtension;
import org.ungis.client.review.model.OpenCall;
import org.ungis.portal.api.Models.Call;
import org.ungis.portal.api.Models.Page;
import org.ungis.portal.api.Models.QueueItem;
import org.ungis.portal.api.Models.ReviewDecision;

/** review-service's API: calls for inputs and the review queue, with the person's token. */
@Component
public class ReviewClient {

  private final ServiceApi api;

  ReviewClient(ServiceApi api) {
    this.api = api;
  }

  private ProcessesApi processes() {
    return api.client().processes();
  }

  private ReviewsApi reviews() {
    return api.client().reviews();
  }

  /** Calls with this status ({@code OPEN}, {@code CLOSED}, or null for all), one page. */
  public Page<Call> calls(String status, int page, int size) {
    return api.page(() -> processes().all(status, page, size), Call.class);
  }

  /** Every call with this status (null for all), page after page. */
  public List<Call> allCalls(String status) {
    return Page.all(page -> calls(status, page, Page.MAX_SIZE));
  }

  /** Every open call, nearest deadline first. */
  public List<Call> openCalls() {
    List<Call> calls = new ArrayList<>(allCalls("OPEN"));
    calls.sort(Comparator.comparing(Call::deadline));
    return calls;
  }

  public Call call(String id) {
    return api.call(() -> processes().one(id), Call.class);
  }

  /** The review queue: filters may be null; {@code status} is PENDING or DECIDED. */
  public Page<QueueItem> queue(String process, String agency, String status, int page, int size) {
    return api.page(() -> reviews().queue(process, agency, status, page, size), QueueItem.class);
  }

  /** The whole queue of a call (PENDING or DECIDED), page after page. */
  public List<QueueItem> allQueue(String process, String status) {
    return Page.all(page -> queue(process, null, status, page, Page.MAX_SIZE));
  }

  public QueueItem item(String contributionId) {
    return api.call(() -> reviews().item(contributionId, null), QueueItem.class);
  }

  /**
   * The entry once review-service holds at least this revision of it; review-service waits for its
   * view a bounded time (its view timeout) before it answers as it is.
   */
  public QueueItem item(String contributionId, int revision) {
    return api.call(() -> reviews().item(contributionId, revision), QueueItem.class);
  }

  public List<ReviewDecision> decisions(String contributionId) {
    return api.list(() -> reviews().history(contributionId), ReviewDecision.class);
  }

  /** Decides on the exact revision the reviewer read. */
  public ReviewDecision decide(
      String contributionId, int revision, String decision, String comment, String key) {
    Decide body =
        new Decide()
            .revision(revision)
            .decision(decision)
            .comment(comment == null || comment.isBlank() ? null : comment);
    return api.call(() -> reviews().decide(contributionId, body, key), ReviewDecision.class);
  }

  public Call open(
      String id,
      String title,
      String description,
      Instant deadline,
      int requiredApprovals,
      String key) {
    OpenCall body =
        new OpenCall()
            .id(id)
            .title(title)
            .description(description == null ? "" : description)
            .deadline(deadline.toString())
            .requiredApprovals(requiredApprovals);
    return api.call(() -> processes().open(body, key), Call.class);
  }

  public Call close(String id) {
    return api.call(() -> processes().close(id, null), Call.class);
  }

  /**
   * The chair writes the joint input's introduction and conclusion; after the closure the record
   * publishes a corrigendum.
   */
  public Call frame(String id, String introduction, String conclusion) {
    Framing body = new Framing().introduction(introduction).conclusion(conclusion);
    return api.call(() -> processes().frame(id, body), Call.class);
  }

  /**
   * The chair sets the language of the joint input's labels (while the call is open) and the rule
   * on withdrawals after closure ({@code REFUSED} or {@code CORRIGENDUM}); null keeps a setting.
   */
  public Call configureDocument(String id, String language, String withdrawalAfterClosure) {
    DocumentSettings body =
        new DocumentSettings().language(language).withdrawalAfterClosure(withdrawalAfterClosure);
    return api.call(() -> processes().configure(id, body), Call.class);
  }

  public void extend(String id, String agency, Instant deadline, String reason, String key) {
    GrantExtension body =
        new GrantExtension()
            .agency(agency)
            .deadline(deadline.toString())
            .reason(reason == null ? "" : reason);
    api.call(() -> processes().extend(id, body, key));
  }
}
