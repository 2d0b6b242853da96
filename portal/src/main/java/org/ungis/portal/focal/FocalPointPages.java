package org.ungis.portal.focal;

import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.ungis.portal.api.ApiProblem;
import org.ungis.portal.api.ContributionsClient;
import org.ungis.portal.api.Models.Call;
import org.ungis.portal.api.Models.Contribution;
import org.ungis.portal.api.Models.Page;
import org.ungis.portal.api.ReviewClient;
import org.ungis.portal.api.ServiceUnavailableException;
import org.ungis.portal.security.Person;
import org.ungis.portal.web.FormErrors;
import org.ungis.portal.web.ListProblems;

/**
 * A focal point's pages: the dashboard (what the agency still owes, per call, and its latest
 * inputs), every input of the agency a page at a time, the input form, "check your answers", the
 * confirmation, and one input (status, comments, history, revise, withdraw). Every call goes to the
 * services with the person's own token.
 */
@Controller
class FocalPointPages {

  private static final String NEW = "new";

  /** One open call as a task of the dashboard. */
  record Task(
      Call call, Contribution input, java.time.Instant deadline, boolean extended, boolean passed) {
    /**
     * The tag in words: not started (or overdue once the deadline passed), or the input's status.
     */
    public String status() {
      if (input == null) {
        return passed ? "OVERDUE" : "NOT_STARTED";
      }
      return input.status();
    }
  }

  private final ContributionsClient contributions;
  private final ReviewClient review;

  private final java.time.Clock clock;

  FocalPointPages(ContributionsClient contributions, ReviewClient review, java.time.Clock clock) {
    this.contributions = contributions;
    this.review = review;
    this.clock = clock;
  }

  /** How many of the agency's inputs the dashboard shows, the latest change first. */
  static final int LATEST_INPUTS = 10;

  /**
   * How many of the agency's latest inputs the dashboard reads in one request: those it shows, and
   * those that answer, without a read of their own, which input stands for each open call.
   */
  static final int RECENT_INPUTS = 40;

  /** How many inputs a page of the agency's inputs lists. */
  static final int INPUTS_PAGE = 20;

  /**
   * How many of a call's latest inputs are read to find the one that stands when the latest was
   * withdrawn.
   */
  static final int STANDING_LOOKUP = 20;

  private static final String WITHDRAWN = "WITHDRAWN";

  @GetMapping("/my")
  String dashboard(Authentication authentication, Model model) {
    dashboardModel(Person.of(authentication), model);
    return "my/dashboard";
  }

  @GetMapping("/my/fragments/dashboard")
  String dashboardFragment(Authentication authentication, Model model) {
    dashboardModel(Person.of(authentication), model);
    return "my/dashboard :: live";
  }

  /**
   * What the dashboard reads: the open calls and the agency's {@value #RECENT_INPUTS} latest inputs
   * (one page, of which it shows {@value #LATEST_INPUTS}); a small list read only for an open call
   * whose latest input is not among them; the calls of the inputs shown that are not open, one by
   * one. Nothing grows with the agency's history.
   */
  private void dashboardModel(Person person, Model model) {
    List<Call> open = ListProblems.read(model, "tasksProblem", review::openCalls, List.<Call>of());
    Page<Contribution> latest =
        ListProblems.read(
            model,
            "inputsProblem",
            () -> contributions.latest(null, 0, RECENT_INPUTS),
            new Page<>(List.of(), null));
    boolean wholeHistory =
        latest.page() != null && latest.page().totalElements() <= latest.items().size();
    List<Task> tasks = new ArrayList<>();
    for (Call call : open) {
      Contribution standing =
          ListProblems.read(
              model, "tasksProblem", () -> standing(call.id(), latest.items(), wholeHistory), null);
      java.time.Instant deadline = call.deadlineFor(person.agency());
      tasks.add(
          new Task(
              call,
              standing,
              deadline,
              call.extensionFor(person.agency()).isPresent(),
              !deadline.isAfter(clock.instant())));
    }
    tasks.sort(Comparator.comparing(Task::deadline));
    List<Contribution> shown = latest.items().stream().limit(LATEST_INPUTS).toList();
    model.addAttribute("tasks", tasks);
    model.addAttribute("inputs", shown);
    model.addAttribute("inputsTotal", latest.page() == null ? 0 : latest.page().totalElements());
    callsOf(shown, open, model);
  }

  /**
   * The agency's input that stands for a call: its latest, unless withdrawn, then the latest one
   * not withdrawn among the call's {@value #STANDING_LOOKUP} latest; none when all are withdrawn.
   * The agency's recent inputs, newest first, answer it without a read when they hold the call's
   * latest input (or the agency's whole history); otherwise the call's own list is read.
   */
  private Contribution standing(String process, List<Contribution> recent, boolean wholeHistory) {
    Contribution first =
        recent.stream().filter(c -> c.processId().equals(process)).findFirst().orElse(null);
    if (first == null && !wholeHistory) {
      Page<Contribution> newest = contributions.latest(process, 0, 1);
      if (newest.items().isEmpty()) {
        return null;
      }
      first = newest.items().get(0);
    }
    if (first == null || !WITHDRAWN.equals(first.status())) {
      return first;
    }
    return contributions.latest(process, 0, STANDING_LOOKUP).items().stream()
        .filter(c -> !WITHDRAWN.equals(c.status()))
        .findFirst()
        .orElse(null);
  }

  /**
   * The titles and required approvals of the calls of the inputs shown: from the open calls, and
   * read from review-service for the others (at most one read per call shown).
   */
  private void callsOf(List<Contribution> shown, List<Call> open, Model model) {
    Map<String, Call> known = new HashMap<>();
    open.forEach(call -> known.put(call.id(), call));
    Map<String, Integer> required = new HashMap<>();
    Map<String, String> titles = new HashMap<>();
    for (Contribution c : shown) {
      if (!required.containsKey(c.processId())) {
        Call call =
            known.containsKey(c.processId())
                ? known.get(c.processId())
                : tryCall(c.processId()).orElse(null);
        required.put(c.processId(), call == null ? 1 : call.requiredApprovals());
        titles.put(c.processId(), call == null ? c.processId() : call.title());
      }
    }
    model.addAttribute("required", required);
    model.addAttribute("callTitles", titles);
  }

  /** Every input of the agency, a page at a time, the latest change first. */
  @GetMapping("/my/inputs")
  String inputs(@RequestParam(defaultValue = "0") int page, Model model) {
    int wanted = Math.max(0, page);
    Page<Contribution> found =
        ListProblems.read(
            model,
            "inputsProblem",
            () -> contributions.latest(null, wanted, INPUTS_PAGE),
            new Page<>(List.of(), null));
    List<Call> open = ListProblems.read(model, "callsProblem", review::openCalls, List.<Call>of());
    model.addAttribute("inputs", found.items());
    model.addAttribute("page", found.page());
    callsOf(found.items(), open, model);
    return "my/inputs";
  }

  private Optional<Call> tryCall(String id) {
    try {
      return Optional.of(review.call(id));
    } catch (ApiProblem.Exception | ServiceUnavailableException notFound) {
      return Optional.empty();
    }
  }

  // ------------------------------------------------------------------ a new input

  @GetMapping("/my/inputs/new")
  String newInput(
      @RequestParam(required = false) String process,
      @RequestParam(required = false) boolean change,
      HttpSession session,
      Model model) {
    InputForm form = change ? draft(session, NEW) : null;
    if (form == null) {
      form = new InputForm();
      form.setProcess(process == null ? "" : process);
    }
    return form(model, form, new FormErrors(InputForm.ANCHORS), null);
  }

  @PostMapping("/my/inputs/check")
  String check(@ModelAttribute("form") InputForm form, HttpSession session, Model model) {
    FormErrors errors = form.validate(false);
    if (errors.any()) {
      return form(model, form, errors, null);
    }
    form.keepKeyOf(draft(session, NEW));
    session.setAttribute(draftKey(NEW), form);
    return check(model, form, null);
  }

  @PostMapping("/my/inputs/submit")
  String submit(HttpSession session, Model model, RedirectAttributes redirect) {
    InputForm form = draft(session, NEW);
    if (form == null) {
      return "redirect:/my/inputs/new";
    }
    try {
      Contribution sent = contributions.submit(form.content(), form.idempotencyKey());
      session.removeAttribute(draftKey(NEW));
      return "redirect:/my/inputs/" + sent.id() + "/sent";
    } catch (ApiProblem.Exception e) {
      return form(model, form, new FormErrors(InputForm.ANCHORS).add(e.problem()), null);
    }
  }

  @GetMapping("/my/inputs/{id}/sent")
  String sent(@PathVariable String id, Model model) {
    Contribution input = contributions.get(id);
    model.addAttribute("input", input);
    model.addAttribute("call", tryCall(input.processId()).orElse(null));
    return "my/sent";
  }

  // ------------------------------------------------------------------ one input

  @GetMapping("/my/inputs/{id}")
  String input(@PathVariable String id, Model model) {
    inputModel(id, model);
    return "my/input";
  }

  @GetMapping("/my/fragments/inputs/{id}")
  String inputFragment(@PathVariable String id, Model model) {
    inputModel(id, model);
    return "my/input :: live";
  }

  private void inputModel(String id, Model model) {
    Contribution input = contributions.get(id);
    model.addAttribute("input", input);
    model.addAttribute("call", tryCall(input.processId()).orElse(null));
    List<org.ungis.portal.api.Models.HistoryEntry> history =
        new ArrayList<>(contributions.history(id).entries());
    java.util.Collections.reverse(history);
    model.addAttribute("history", history);
  }

  @GetMapping("/my/inputs/{id}/revise")
  String revise(
      @PathVariable String id,
      @RequestParam(required = false) boolean change,
      HttpSession session,
      Model model) {
    Contribution input = contributions.get(id);
    InputForm form = change ? draft(session, id) : null;
    return form(
        model, form == null ? InputForm.of(input) : form, new FormErrors(InputForm.ANCHORS), input);
  }

  @PostMapping("/my/inputs/{id}/check")
  String checkRevision(
      @PathVariable String id,
      @ModelAttribute("form") InputForm form,
      HttpSession session,
      Model model) {
    Contribution input = contributions.get(id);
    form.setProcess(input.processId());
    FormErrors errors = form.validate(true);
    if (errors.any()) {
      return form(model, form, errors, input);
    }
    session.setAttribute(draftKey(id), form);
    session.setAttribute(draftKey(id) + ":revision", input.revision());
    return check(model, form, input);
  }

  @PostMapping("/my/inputs/{id}/revise")
  String sendRevision(
      @PathVariable String id, HttpSession session, Model model, RedirectAttributes redirect) {
    InputForm form = draft(session, id);
    Object basedOn = session.getAttribute(draftKey(id) + ":revision");
    if (form == null || !(basedOn instanceof Integer revision)) {
      return "redirect:/my/inputs/" + id + "/revise";
    }
    try {
      Contribution revised = contributions.revise(id, revision, form.content());
      session.removeAttribute(draftKey(id));
      return "redirect:/my/inputs/" + revised.id() + "/sent";
    } catch (ApiProblem.Exception e) {
      Contribution input = contributions.get(id);
      return form(model, form, new FormErrors(InputForm.ANCHORS).add(e.problem()), input);
    }
  }

  @GetMapping("/my/inputs/{id}/withdraw")
  String withdrawForm(@PathVariable String id, Model model) {
    model.addAttribute("input", contributions.get(id));
    model.addAttribute("reason", "");
    model.addAttribute("errors", new FormErrors());
    return "my/withdraw";
  }

  @PostMapping("/my/inputs/{id}/withdraw")
  String withdraw(
      @PathVariable String id, @RequestParam(defaultValue = "") String reason, Model model) {
    FormErrors errors = new FormErrors();
    if (reason.isBlank()) {
      errors.add("reason", "error.reason.required");
    } else if (reason.length() > 2_000) {
      errors.add("reason", "error.reason.long");
    }
    if (!errors.any()) {
      try {
        contributions.withdraw(id, reason.strip());
        return "redirect:/my/inputs/" + id + "/withdrawn";
      } catch (ApiProblem.Exception e) {
        errors.add(e.problem());
      }
    }
    model.addAttribute("input", contributions.get(id));
    model.addAttribute("reason", reason);
    model.addAttribute("errors", errors);
    return "my/withdraw";
  }

  @GetMapping("/my/inputs/{id}/withdrawn")
  String withdrawn(@PathVariable String id, Model model) {
    model.addAttribute("input", contributions.get(id));
    return "my/withdrawn";
  }

  // ------------------------------------------------------------------ helpers

  private String form(Model model, InputForm form, FormErrors errors, Contribution revising) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    model.addAttribute("revising", revising);
    model.addAttribute("calls", revising == null ? review.openCalls() : List.of());
    model.addAttribute("languageCodes", InputForm.LANGUAGES);
    model.addAttribute("sdgNumbers", InputForm.SDGS);
    model.addAttribute("actionLineCodes", InputForm.ACTION_LINES);
    return "my/form";
  }

  private String check(Model model, InputForm form, Contribution revising) {
    model.addAttribute("form", form);
    model.addAttribute("links", form.linkList());
    model.addAttribute("revising", revising);
    model.addAttribute("call", tryCall(form.getProcess()).orElse(null));
    return "my/check";
  }

  private static String draftKey(String id) {
    return "draft:" + id;
  }

  private static InputForm draft(HttpSession session, String id) {
    return session.getAttribute(draftKey(id)) instanceof InputForm form ? form : null;
  }
}
