package org.ungis.portal.review;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.ungis.portal.api.ApiProblem;
import org.ungis.portal.api.ContributionsClient;
import org.ungis.portal.api.Models.Call;
import org.ungis.portal.api.Models.Contribution;
import org.ungis.portal.api.Models.Page;
import org.ungis.portal.api.Models.QueueItem;
import org.ungis.portal.api.Models.ReviewDecision;
import org.ungis.portal.api.ProblemMessages;
import org.ungis.portal.api.ReviewClient;
import org.ungis.portal.api.ServiceUnavailableException;
import org.ungis.portal.live.ArrivingInputs;
import org.ungis.portal.security.Person;
import org.ungis.portal.web.FormErrors;
import org.ungis.portal.web.Formats;
import org.ungis.portal.web.ListProblems;
import org.ungis.reference.Roster;

/**
 * A reviewer's pages: the queue (filters, paging, nearest deadline first), one input with the
 * decision form beside its text, the confirmation of a decision, and who approved what in a call.
 */
@Controller
class ReviewerPages {

  static final int PAGE_SIZE = 20;

  /** The longest a live refresh of the queue waits for review-service to hold arriving inputs. */
  private static final Logger log = LoggerFactory.getLogger(ReviewerPages.class);

  static final Duration ARRIVAL_WAIT = Duration.ofSeconds(5);

  /** The flash attribute that carries a decision just recorded to its confirmation page. */
  static final String RECORDED = "recorded";

  static final List<String> DECISIONS = List.of("APPROVED", "CHANGES_REQUESTED", "REJECTED");

  private final ReviewClient review;
  private final ContributionsClient contributions;
  private final Roster roster;
  private final Clock clock;
  private final ArrivingInputs arriving;
  private final Formats fmt;
  private final MessageSource messages;

  ReviewerPages(
      ReviewClient review,
      ContributionsClient contributions,
      Roster roster,
      Clock clock,
      ArrivingInputs arriving,
      Formats fmt,
      MessageSource messages) {
    this.review = review;
    this.contributions = contributions;
    this.roster = roster;
    this.clock = clock;
    this.arriving = arriving;
    this.fmt = fmt;
    this.messages = messages;
  }

  /**
   * One row of the queue, with its call and every text the row shows already in the page's
   * language: the template reads values instead of evaluating messages and fragments per row.
   */
  public record Row(
      QueueItem item,
      Call call,
      String htmlId,
      String callTitle,
      String revision,
      String status,
      String tagClass,
      String quorum,
      String deadlineIso,
      String deadlineDate,
      String timeLeft,
      boolean soon) {

    static Row of(QueueItem item, Call call, Formats fmt, MessageSource messages, Locale locale) {
      Instant deadline = call == null ? null : call.deadline();
      return new Row(
          item,
          call,
          "queue-item-" + item.contributionId(),
          call != null ? call.title() : item.processId(),
          messages.getMessage("input.revision", new Object[] {item.revision()}, locale),
          fmt.status(item.status()),
          item.status() == null ? "tag" : "tag tag-" + item.status().toLowerCase(Locale.ROOT),
          messages.getMessage(
              "quorum",
              new Object[] {item.approvals().size(), call != null ? call.requiredApprovals() : 1},
              locale),
          deadline == null ? null : fmt.iso(deadline),
          deadline == null ? null : fmt.date(deadline),
          deadline == null ? null : fmt.timeLeft(deadline),
          fmt.soon(deadline));
    }
  }

  @GetMapping("/review")
  String queue(
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String agency,
      @RequestParam(defaultValue = "PENDING") String status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    queueModel(process, agency, status, page, model);
    return "review/queue";
  }

  @GetMapping("/review/fragments/queue")
  String queueFragment(
      @RequestParam(required = false) String process,
      @RequestParam(required = false) String agency,
      @RequestParam(defaultValue = "PENDING") String status,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    try {
      if (!"DECIDED".equals(status)) {
        awaitArrivals(blank(process) ? null : process, blank(agency) ? null : agency);
      }
      queueModel(process, agency, status, page, model);
    } catch (ApiProblem.Exception | ServiceUnavailableException e) {
      refused(model, process, agency, status, page, ListProblems.key(e));
    }
    return "review/queue :: live";
  }

  /**
   * Waits, bounded, until review-service holds each input the portal has just seen arrive in this
   * queue: the live refresh comes when the portal reads the event, which may be before
   * review-service has read it (see {@link ArrivingInputs}).
   */
  private void awaitArrivals(String process, String agency) {
    long deadline = System.nanoTime() + ARRIVAL_WAIT.toNanos();
    for (ArrivingInputs.Arrival a : arriving.arriving(process, agency)) {
      if (System.nanoTime() > deadline) {
        log.info(
            "queue refreshed before review-service was asked for input {} at revision {}",
            a.contributionId(),
            a.revision());
        return;
      }
      try {
        review.item(a.contributionId(), a.revision());
      } catch (ApiProblem.Exception notYet) {
        // Not there within review-service's view timeout, or not this reviewer's to see: the
        // queue shows what review-service lists.
        log.info(
            "queue refreshed without input {} at revision {}: review-service answered {}",
            a.contributionId(),
            a.revision(),
            notYet.getMessage());
      }
    }
  }

  /**
   * The live part when review-service refused or failed to list the queue: the reason instead of
   * the rows, never an empty queue (the part keeps its trigger, so the next event tries again).
   */
  private static void refused(
      Model model, String process, String agency, String status, int page, String problemKey) {
    model.addAttribute("rows", List.of());
    model.addAttribute("page", Page.<QueueItem>of(List.of(), Math.max(0, page), PAGE_SIZE).page());
    model.addAttribute("process", blank(process) ? "" : process);
    model.addAttribute("agency", blank(agency) ? "" : agency);
    model.addAttribute("status", "DECIDED".equals(status) ? "DECIDED" : "PENDING");
    model.addAttribute("queueProblem", problemKey);
  }

  private void queueModel(String process, String agency, String status, int page, Model model) {
    String wanted = "DECIDED".equals(status) ? "DECIDED" : "PENDING";
    String call = blank(process) ? null : process;
    String member = blank(agency) ? null : agency;
    Page<QueueItem> items = review.queue(call, member, wanted, Math.max(0, page), PAGE_SIZE);
    Map<String, Call> calls = new HashMap<>();
    List<Call> all = review.allCalls(null);
    all.forEach(c -> calls.put(c.id(), c));
    List<Row> rows = new ArrayList<>();
    for (QueueItem item : items.items()) {
      rows.add(
          Row.of(
              item, calls.get(item.processId()), fmt, messages, LocaleContextHolder.getLocale()));
    }
    rows.sort(
        Comparator.comparing(
            (Row r) -> r.call() == null ? java.time.Instant.MAX : r.call().deadline()));
    model.addAttribute("rows", rows);
    model.addAttribute("page", items.page());
    model.addAttribute("allCalls", all);
    model.addAttribute("members", roster.members());
    model.addAttribute("process", call == null ? "" : call);
    model.addAttribute("agency", member == null ? "" : member);
    model.addAttribute("status", wanted);
  }

  @GetMapping("/review/items/{id}")
  String item(@PathVariable String id, Authentication authentication, Model model) {
    itemModel(id, Person.of(authentication), model);
    model.addAttribute("errors", new FormErrors(Map.of("decision", "decision-APPROVED")));
    model.addAttribute("decision", "");
    model.addAttribute("comment", "");
    return "review/item";
  }

  /** The banner that appears when a newer revision arrives while the reviewer reads one. */
  @GetMapping("/review/fragments/items/{id}/banner")
  String banner(@PathVariable String id, @RequestParam int revision, Model model) {
    Contribution input = contributions.get(id);
    model.addAttribute("input", input);
    model.addAttribute("newer", input.revision() > revision);
    return "review/item :: banner";
  }

  @GetMapping("/review/fragments/items/{id}/status")
  String status(@PathVariable String id, Model model) {
    statusModel(id, model);
    return "review/item :: status";
  }

  /** The input, its call and its decisions, newest first: what the status parts show. */
  private void statusModel(String id, Model model) {
    Contribution input = contributions.get(id);
    model.addAttribute("input", input);
    model.addAttribute("call", review.call(input.processId()));
    model.addAttribute("decisions", decisionsNewestFirst(id));
  }

  private void itemModel(String id, Person person, Model model) {
    Contribution input = contributions.get(id);
    Call call = review.call(input.processId());
    model.addAttribute("input", input);
    model.addAttribute("call", call);
    model.addAttribute("decisions", decisionsNewestFirst(id));
    model.addAttribute("decisionCodes", DECISIONS);
    model.addAttribute("decisionKey", UUID.randomUUID().toString());
    // Why this reviewer may not decide, in a sentence (as review-service will decide it).
    String refusal = null;
    if (roster.roleAt(person.agency(), clock.instant()).isEmpty()) {
      refusal = "review.refusal.rota";
    } else if (person.agency().equals(input.agency())) {
      refusal = "review.refusal.recusal";
    } else if (!call.open()) {
      refusal = "review.refusal.closed";
    } else if ("WITHDRAWN".equals(input.status())) {
      refusal = "review.refusal.withdrawn";
    } else if (!"SUBMITTED".equals(input.status())) {
      refusal = "review.refusal.decided";
    } else if (input.decisions().stream()
        .anyMatch(
            d ->
                d.revision() == input.revision()
                    && !d.stale()
                    && "APPROVED".equals(d.decision())
                    && person.agency().equals(d.reviewerAgency()))) {
      refusal = "review.refusal.approved";
    }
    model.addAttribute("refusal", refusal);
  }

  private List<ReviewDecision> decisionsNewestFirst(String id) {
    List<ReviewDecision> decisions = new ArrayList<>(review.decisions(id));
    decisions.sort(
        Comparator.comparing(
            ReviewDecision::decidedAt, Comparator.nullsLast(Comparator.reverseOrder())));
    return decisions;
  }

  @PostMapping("/review/items/{id}/decision")
  String decide(
      @PathVariable String id,
      @RequestParam int revision,
      @RequestParam(defaultValue = "") String decision,
      @RequestParam(defaultValue = "") String comment,
      @RequestParam(defaultValue = "") String key,
      Authentication authentication,
      Model model,
      RedirectAttributes redirect) {
    FormErrors errors = new FormErrors(Map.of("decision", "decision-APPROVED"));
    if (!DECISIONS.contains(decision)) {
      errors.add("decision", "error.decision");
    } else if (!"APPROVED".equals(decision) && comment.isBlank()) {
      errors.add("comment", "error.comment.required");
    }
    if (!errors.any()) {
      try {
        ReviewDecision recorded =
            review.decide(
                id,
                revision,
                decision,
                comment.strip(),
                key.isBlank() ? UUID.randomUUID().toString() : key);
        redirect.addFlashAttribute(RECORDED, DecidedStatus.Recorded.of(recorded));
        return "redirect:/review/items/" + id + "/decided";
      } catch (ApiProblem.Exception e) {
        String reason = e.problem().reason();
        if ("RECUSAL".equals(reason) || "NOT_ON_ROTA".equals(reason)) {
          model.addAttribute("refusalProblem", ProblemMessages.key(e.problem()));
        }
        errors.add(e.problem());
      }
    }
    itemModel(id, Person.of(authentication), model);
    model.addAttribute("errors", errors);
    model.addAttribute("decision", decision);
    model.addAttribute("comment", comment);
    // The page shows the input as it is now, so the form decides on that revision (after a stale
    // refusal, the newer one the reviewer now reads).
    return "review/item";
  }

  /**
   * The confirmation of a decision, from review-service's own view of the item (which holds the
   * decision once review-service has answered it), not from contributions-service's (which follows
   * the reviews topic and may not show it yet); the decision just answered, carried across the
   * redirect, covers a view that lags even so.
   */
  @GetMapping("/review/items/{id}/decided")
  String decided(@PathVariable String id, Model model) {
    // the flash attribute is in the model right after the redirect, gone on a reload
    DecidedStatus.Recorded recorded =
        model.getAttribute(RECORDED) instanceof DecidedStatus.Recorded r ? r : null;
    QueueItem item = review.item(id);
    model.addAttribute("item", item);
    model.addAttribute("call", review.call(item.processId()));
    model.addAttribute("shown", DecidedStatus.of(item, recorded));
    return "review/decided";
  }

  /** Who approved what, for a whole call. */
  @GetMapping("/review/calls/{id}/approvals")
  String approvals(@PathVariable String id, Model model) {
    Call call = review.call(id);
    Approvals approvals =
        ListProblems.read(
            model, "itemsProblem", () -> approvals(id), new Approvals(List.of(), Map.of()));
    model.addAttribute("call", call);
    model.addAttribute("items", approvals.items());
    model.addAttribute("decisions", approvals.decisions());
    return "review/approvals";
  }

  /** A call's inputs, by agency, with each one's decisions (refusals left out). */
  record Approvals(List<QueueItem> items, Map<String, List<ReviewDecision>> decisions) {}

  private Approvals approvals(String process) {
    List<QueueItem> items = new ArrayList<>();
    items.addAll(review.allQueue(process, "PENDING"));
    items.addAll(review.allQueue(process, "DECIDED"));
    items.sort(Comparator.comparing(QueueItem::agency).thenComparing(QueueItem::submittedAt));
    Map<String, List<ReviewDecision>> decisions = new HashMap<>();
    for (QueueItem item : items) {
      decisions.put(
          item.contributionId(),
          review.decisions(item.contributionId()).stream().filter(d -> !d.refused()).toList());
    }
    return new Approvals(items, decisions);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
