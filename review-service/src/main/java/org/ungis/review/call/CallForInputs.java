package org.ungis.review.call;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.ungis.review.rules.Actor;
import org.ungis.review.rules.Reasons;
import org.ungis.review.rules.Rota;
import org.ungis.review.rules.RuleViolation;

/**
 * A call for inputs (a "process" such as {@code gdc-2023}): the aggregate that a chair opens,
 * extends for an agency and closes. Immutable: every change returns the new state, which the
 * messaging adapter publishes as a full snapshot.
 *
 * @param id stable id, lower-case letters, digits and dashes
 * @param title title of the call
 * @param description what is asked
 * @param deadline submission deadline
 * @param requiredApprovals approvals from reviewers of different agencies that approve an item
 * @param state open or closed
 * @param extensions per-agency later deadlines, ordered by agency
 * @param document what the chair set for the call's joint input: symbol, language, framing, the
 *     rule on withdrawals after closure
 */
public record CallForInputs(
    String id,
    String title,
    String description,
    Instant deadline,
    int requiredApprovals,
    CallState state,
    List<Extension> extensions,
    JointInput document) {

  /** The shape of a process id. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,62}");

  static final int MAX_TITLE = 300;
  static final int MAX_DESCRIPTION = 10_000;
  static final int MAX_REASON = 2_000;

  public CallForInputs {
    extensions = List.copyOf(extensions == null ? List.of() : extensions);
    description = description == null ? "" : description;
    document = document == null ? JointInput.DEFAULT : document;
  }

  /** A call without document settings (the defaults: no symbol, English, withdrawals refused). */
  public CallForInputs(
      String id,
      String title,
      String description,
      Instant deadline,
      int requiredApprovals,
      CallState state,
      List<Extension> extensions) {
    this(id, title, description, deadline, requiredApprovals, state, extensions, null);
  }

  /**
   * Opens a call whose joint input has a symbol, a language and a rule on withdrawals after
   * closure.
   *
   * @param symbol the document symbol, or {@code null} for {@code UNGIS/<deadline year>/<ID>}
   * @param language the document's language (AR, ZH, EN, FR, RU, ES), or {@code null} for EN
   * @param withdrawals the rule on withdrawals after closure, or {@code null} for REFUSED
   */
  public static CallForInputs open(
      Rota rota,
      Actor actor,
      String id,
      String title,
      String description,
      Instant deadline,
      Integer requiredApprovals,
      String symbol,
      String language,
      String withdrawals,
      Instant now) {
    CallForInputs call =
        open(rota, actor, id, title, description, deadline, requiredApprovals, now);
    String chosen =
        symbol == null || symbol.isBlank()
            ? "UNGIS/"
                + deadline.atZone(java.time.ZoneOffset.UTC).getYear()
                + "/"
                + id.toUpperCase(java.util.Locale.ROOT)
            : symbol.strip();
    JointInput document =
        JointInput.DEFAULT
            .withSymbol(chosen)
            .withSettings(
                language == null ? JointInput.DEFAULT.language() : language,
                withdrawals == null
                    ? JointInput.DEFAULT.withdrawalAfterClosure()
                    : JointInput.rule(withdrawals));
    return call.with(document);
  }

  /**
   * The chair writes or corrects the joint input's introduction and conclusion. Allowed while the
   * call is open and, as a correction that publishes a corrigendum, after it is closed.
   *
   * @throws RuleViolation FORBIDDEN unless the actor is a chair at {@code now}; INVALID when a text
   *     is too long
   */
  public CallForInputs withFraming(
      Rota rota, Actor actor, String introduction, String conclusion, Instant now) {
    rota.requireChair(actor, now);
    return with(document.withFraming(introduction, conclusion));
  }

  /**
   * The chair sets the joint input's language and the rule on withdrawals after closure. The
   * language can change only while the call is open; the rule at any time.
   *
   * @param language AR, ZH, EN, FR, RU or ES; {@code null} keeps the current one
   * @param withdrawals REFUSED or CORRIGENDUM; {@code null} keeps the current one
   * @throws RuleViolation FORBIDDEN unless the actor is a chair; INVALID on an unknown value;
   *     CONFLICT when the language changes on a closed call
   */
  public CallForInputs withDocumentSettings(
      Rota rota, Actor actor, String language, String withdrawals, Instant now) {
    rota.requireChair(actor, now);
    String nextLanguage = language == null ? document.language() : language;
    WithdrawalRule nextRule =
        withdrawals == null ? document.withdrawalAfterClosure() : JointInput.rule(withdrawals);
    JointInput next = document.withSettings(nextLanguage, nextRule);
    if (!next.language().equals(document.language())) {
      requireOpen();
    }
    return with(next);
  }

  private CallForInputs with(JointInput next) {
    return new CallForInputs(
        id, title, description, deadline, requiredApprovals, state, extensions, next);
  }

  /**
   * Opens a call.
   *
   * @param requiredApprovals {@code null} for the default of one approval
   * @throws RuleViolation INVALID on a bad field, FORBIDDEN when the actor is not a chair or
   *     vice-chair at {@code now}
   */
  public static CallForInputs open(
      Rota rota,
      Actor actor,
      String id,
      String title,
      String description,
      Instant deadline,
      Integer requiredApprovals,
      Instant now) {
    rota.requireReviewer(actor, now);
    if (id == null || !ID.matcher(id).matches()) {
      throw RuleViolation.invalid(
          "id",
          "must be 2-63 lower-case letters, digits or dashes, starting with a letter or digit");
    }
    if (title == null || title.isBlank()) {
      throw RuleViolation.invalid("title", "must not be blank");
    }
    if (title.codePointCount(0, title.length()) > MAX_TITLE) {
      throw RuleViolation.invalid("title", "must be at most " + MAX_TITLE + " characters");
    }
    if (description != null
        && description.codePointCount(0, description.length()) > MAX_DESCRIPTION) {
      throw RuleViolation.invalid(
          "description", "must be at most " + MAX_DESCRIPTION + " characters");
    }
    if (deadline == null) {
      throw RuleViolation.invalid("deadline", "must be an ISO-8601 instant");
    }
    if (!deadline.isAfter(now)) {
      throw RuleViolation.invalid("deadline", "must be in the future (now is " + now + ")");
    }
    int approvals = requiredApprovals == null ? 1 : requiredApprovals;
    int reviewers = rota.reviewingAgenciesAt(now);
    // One agency may recuse itself from every item it submitted, so at most reviewers - 1 agencies
    // can approve the item of a rota agency; never require more than the rota can give.
    int max = Math.max(1, reviewers - 1);
    if (approvals < 1 || approvals > max) {
      throw RuleViolation.invalid(
          "requiredApprovals", "must be between 1 and " + max + " for the current rota");
    }
    return new CallForInputs(
        id, title.strip(), description, deadline, approvals, CallState.OPEN, List.of());
  }

  /**
   * Closes the call: no more submissions, revisions or decisions.
   *
   * @throws RuleViolation FORBIDDEN when the actor is not on the rota, CONFLICT when already closed
   */
  public CallForInputs close(Rota rota, Actor actor, Instant now) {
    rota.requireReviewer(actor, now);
    requireOpen();
    return new CallForInputs(
        id,
        title,
        description,
        deadline,
        requiredApprovals,
        CallState.CLOSED,
        extensions,
        document);
  }

  /**
   * Grants one agency a later deadline; a second grant for the same agency replaces the first.
   *
   * @throws RuleViolation FORBIDDEN unless the actor is a chair at {@code now}; INVALID for an
   *     unknown agency or a deadline not after the call's; CONFLICT when the call is closed
   */
  public CallForInputs grantExtension(
      Rota rota, Actor actor, String agency, Instant newDeadline, String reason, Instant now) {
    rota.requireChair(actor, now);
    if (agency == null || !rota.isMember(agency)) {
      throw RuleViolation.invalid("agency", "is not a UNGIS member: " + agency);
    }
    if (reason != null && reason.codePointCount(0, reason.length()) > MAX_REASON) {
      throw RuleViolation.invalid("reason", "must be at most " + MAX_REASON + " characters");
    }
    if (newDeadline == null) {
      throw RuleViolation.invalid("deadline", "must be an ISO-8601 instant");
    }
    if (!newDeadline.isAfter(deadline)) {
      throw RuleViolation.invalid("deadline", "must be after the call's deadline " + deadline);
    }
    if (!newDeadline.isAfter(now)) {
      throw RuleViolation.invalid("deadline", "must be in the future (now is " + now + ")");
    }
    requireOpen();
    List<Extension> next = new ArrayList<>();
    for (Extension e : extensions) {
      if (!e.agency().equals(agency)) {
        next.add(e);
      }
    }
    next.add(new Extension(agency, newDeadline, reason == null ? "" : reason));
    next.sort(Comparator.comparing(Extension::agency));
    return new CallForInputs(
        id, title, description, deadline, requiredApprovals, state, next, document);
  }

  /**
   * The call as a later snapshot of it says (every change of a call is published as its whole
   * state, and the views keep the latest). A closed call is final: a later snapshot may close it
   * again (a replay) but never reopen it, e.g. an extension granted from a stale view while the
   * call was being closed elsewhere.
   *
   * @throws RuleViolation CONFLICT ({@link Reasons#CALL_CLOSED}) when this call is closed and the
   *     later snapshot is open
   */
  public CallForInputs followedBy(CallForInputs later) {
    if (!isOpen() && later.isOpen()) {
      throw RuleViolation.conflict(
          Reasons.CALL_CLOSED,
          "the call " + id + " is closed; a later snapshot cannot reopen it (closed is final)");
    }
    return later;
  }

  public boolean isOpen() {
    return state == CallState.OPEN;
  }

  /** The deadline that applies to an agency: its extension if it has one, else the call's. */
  public Instant deadlineFor(String agency) {
    return extensions.stream()
        .filter(e -> e.agency().equals(agency))
        .map(Extension::deadline)
        .findFirst()
        .orElse(deadline);
  }

  private void requireOpen() {
    if (!isOpen()) {
      throw RuleViolation.conflict(Reasons.CALL_CLOSED, "the call " + id + " is closed");
    }
  }
}
