package org.ungis.portal.review;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.ungis.portal.api.ApiProblem;
import org.ungis.portal.api.Models.Call;
import org.ungis.portal.api.Models.Document;
import org.ungis.portal.api.ReviewClient;
import org.ungis.portal.web.FormErrors;
import org.ungis.portal.web.ListProblems;
import org.ungis.reference.Roster;

/**
 * The chair's pages: the calls with each one's state, open a call (check your answers first), close
 * one (a confirmation page), extend the deadline for one agency. review-service decides who may:
 * the chair or a vice-chair opens and closes, only the chair extends.
 */
@Controller
class ChairPages {

  private static final Pattern CALL_ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  /** The six official UN languages, in which the joint input's labels can be written. */
  static final List<String> LANGUAGES = List.of("AR", "ZH", "EN", "FR", "RU", "ES");

  static final List<String> WITHDRAWAL_RULES = List.of("REFUSED", "CORRIGENDUM");

  /** As review-service bounds the chair's introduction and conclusion. */
  static final int FRAMING_MAX = 20_000;

  private final ReviewClient review;
  private final Roster roster;
  private final java.time.Clock clock;

  ChairPages(ReviewClient review, Roster roster, java.time.Clock clock) {
    this.review = review;
    this.roster = roster;
    this.clock = clock;
  }

  /** The open-a-call form, as typed. */
  public static class CallForm implements Serializable {
    private String id = "";
    private String title = "";
    private String description = "";
    private String deadline = "";
    private int requiredApprovals = 1;
    private final String key = UUID.randomUUID().toString();

    public String getId() {
      return id;
    }

    public void setId(String id) {
      this.id = id == null ? "" : id.trim();
    }

    public String getTitle() {
      return title;
    }

    public void setTitle(String title) {
      this.title = title;
    }

    public String getDescription() {
      return description;
    }

    public void setDescription(String description) {
      this.description = description;
    }

    public String getDeadline() {
      return deadline;
    }

    public void setDeadline(String deadline) {
      this.deadline = deadline;
    }

    public int getRequiredApprovals() {
      return requiredApprovals;
    }

    public void setRequiredApprovals(int requiredApprovals) {
      this.requiredApprovals = requiredApprovals;
    }

    Instant deadlineInstant() {
      return parseDeadline(deadline);
    }
  }

  /** A {@code datetime-local} value, read as UTC; null when it is not one. */
  static Instant parseDeadline(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDateTime.parse(value.trim()).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException bad) {
      return null;
    }
  }

  @GetMapping("/chair")
  String calls(Model model) {
    model.addAttribute(
        "calls", ListProblems.read(model, "callsProblem", () -> review.allCalls(null), List.of()));
    return "chair/calls";
  }

  @GetMapping("/chair/calls/new")
  String newCall(@RequestParam(required = false) boolean change, HttpSession session, Model model) {
    CallForm form =
        change && session.getAttribute("draft:call") instanceof CallForm f ? f : new CallForm();
    return callForm(model, form, new FormErrors());
  }

  @PostMapping("/chair/calls/check")
  String checkCall(@ModelAttribute("form") CallForm form, HttpSession session, Model model) {
    FormErrors errors = new FormErrors();
    if (!CALL_ID.matcher(form.getId()).matches()) {
      errors.add("id", "error.call-id");
    }
    if (form.getTitle() == null || form.getTitle().isBlank()) {
      errors.add("title", "error.call-title");
    }
    Instant deadline = form.deadlineInstant();
    if (deadline == null || !deadline.isAfter(clock.instant())) {
      errors.add("deadline", "error.deadline");
    }
    if (form.getRequiredApprovals() < 1) {
      errors.add("requiredApprovals", "error.requiredApprovals");
    }
    if (errors.any()) {
      return callForm(model, form, errors);
    }
    session.setAttribute("draft:call", form);
    model.addAttribute("form", form);
    model.addAttribute("deadline", deadline);
    return "chair/check";
  }

  @PostMapping("/chair/calls/open")
  String open(HttpSession session, Model model, RedirectAttributes redirect) {
    if (!(session.getAttribute("draft:call") instanceof CallForm form)) {
      return "redirect:/chair/calls/new";
    }
    try {
      Call call =
          review.open(
              form.getId(),
              form.getTitle().strip(),
              form.getDescription(),
              form.deadlineInstant(),
              form.getRequiredApprovals(),
              form.key);
      session.removeAttribute("draft:call");
      redirect.addFlashAttribute("banner", "banner.call.opened");
      redirect.addFlashAttribute("bannerArg", call.title());
      return "redirect:/chair";
    } catch (ApiProblem.Exception e) {
      return callForm(model, form, new FormErrors().add(e.problem()));
    }
  }

  @GetMapping("/chair/calls/{id}/close")
  String confirmClose(@PathVariable String id, Model model) {
    model.addAttribute("call", review.call(id));
    model.addAttribute("errors", new FormErrors());
    return "chair/close";
  }

  @PostMapping("/chair/calls/{id}/close")
  String close(@PathVariable String id, Model model, RedirectAttributes redirect) {
    Call call = review.call(id);
    try {
      review.close(id);
      redirect.addFlashAttribute("banner", "banner.call.closed");
      redirect.addFlashAttribute("bannerArg", call.title());
      return "redirect:/chair";
    } catch (ApiProblem.Exception e) {
      model.addAttribute("call", call);
      model.addAttribute("errors", new FormErrors().add(e.problem()));
      return "chair/close";
    }
  }

  @GetMapping("/chair/calls/{id}/extend")
  String extendForm(@PathVariable String id, Model model) {
    return extendForm(model, review.call(id), "", "", "", new FormErrors());
  }

  @PostMapping("/chair/calls/{id}/extend")
  String extend(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String agency,
      @RequestParam(defaultValue = "") String deadline,
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "") String key,
      Model model,
      RedirectAttributes redirect) {
    Call call = review.call(id);
    FormErrors errors = new FormErrors();
    if (!roster.isMember(agency)) {
      errors.add("agency", "error.agency");
    }
    Instant until = parseDeadline(deadline);
    if (until == null || !until.isAfter(call.deadline())) {
      errors.add("deadline", "error.extension-deadline");
    }
    if (!errors.any()) {
      try {
        review.extend(
            id, agency, until, reason.strip(), key.isBlank() ? UUID.randomUUID().toString() : key);
        redirect.addFlashAttribute("banner", "banner.call.extended");
        redirect.addFlashAttribute("bannerArg", agency);
        return "redirect:/chair";
      } catch (ApiProblem.Exception e) {
        errors.add(e.problem());
      }
    }
    return extendForm(model, call, agency, deadline, reason, errors);
  }

  /** The joint input's text and settings: introduction, conclusion, language, withdrawal rule. */
  @GetMapping("/chair/calls/{id}/document")
  String documentForm(@PathVariable String id, Model model) {
    Call call = review.call(id);
    Document d = call.document();
    return documentForm(
        model,
        call,
        d.introduction(),
        d.conclusion(),
        d.language(),
        d.withdrawalAfterClosure(),
        new FormErrors());
  }

  @PostMapping("/chair/calls/{id}/document")
  String document(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String introduction,
      @RequestParam(defaultValue = "") String conclusion,
      @RequestParam(defaultValue = "") String language,
      @RequestParam(defaultValue = "") String withdrawalAfterClosure,
      Model model,
      RedirectAttributes redirect) {
    Call call = review.call(id);
    FormErrors errors = new FormErrors();
    if (!LANGUAGES.contains(language)) {
      errors.add("language", "error.record-language");
    }
    if (!WITHDRAWAL_RULES.contains(withdrawalAfterClosure)) {
      errors.add("withdrawalAfterClosure", "error.withdrawal-rule");
    }
    if (introduction.length() > FRAMING_MAX) {
      errors.add("introduction", "error.framing.long");
    }
    if (conclusion.length() > FRAMING_MAX) {
      errors.add("conclusion", "error.framing.long");
    }
    if (!errors.any()) {
      try {
        Document before = call.document();
        if (!before.introduction().equals(introduction)
            || !before.conclusion().equals(conclusion)) {
          review.frame(id, introduction, conclusion);
        }
        // the language may change only while the call is open: a closed call keeps its own
        String newLanguage = call.open() && !before.language().equals(language) ? language : null;
        if (newLanguage != null
            || !before.withdrawalAfterClosure().equals(withdrawalAfterClosure)) {
          review.configureDocument(id, newLanguage, withdrawalAfterClosure);
        }
        redirect.addFlashAttribute("banner", "banner.call.document");
        redirect.addFlashAttribute("bannerArg", call.title());
        return "redirect:/chair";
      } catch (ApiProblem.Exception e) {
        errors.add(e.problem());
      }
    }
    return documentForm(
        model, call, introduction, conclusion, language, withdrawalAfterClosure, errors);
  }

  private String documentForm(
      Model model,
      Call call,
      String introduction,
      String conclusion,
      String language,
      String withdrawalAfterClosure,
      FormErrors errors) {
    model.addAttribute("call", call);
    model.addAttribute("introduction", introduction);
    model.addAttribute("conclusion", conclusion);
    model.addAttribute("language", language);
    model.addAttribute("recordLanguages", LANGUAGES);
    model.addAttribute("withdrawalAfterClosure", withdrawalAfterClosure);
    model.addAttribute("withdrawalRules", WITHDRAWAL_RULES);
    model.addAttribute("errors", errors);
    return "chair/document";
  }

  private String callForm(Model model, CallForm form, FormErrors errors) {
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "chair/open";
  }

  private String extendForm(
      Model model, Call call, String agency, String deadline, String reason, FormErrors errors) {
    model.addAttribute("call", call);
    model.addAttribute("members", roster.members());
    model.addAttribute("agency", agency);
    model.addAttribute("deadline", deadline);
    model.addAttribute("reason", reason);
    model.addAttribute("key", UUID.randomUUID().toString());
    model.addAttribute("errors", errors);
    return "chair/extend";
  }
}
