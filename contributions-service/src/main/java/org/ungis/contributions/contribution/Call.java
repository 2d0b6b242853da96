package org.ungis.contributions.contribution;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A call for inputs as the intake sees it: the latest snapshot published by review-service.
 *
 * @param processId e.g. {@code gdc-2023}
 * @param title the call's title
 * @param open whether the call accepts submissions and revisions
 * @param deadline last instant (inclusive) at which a submission is accepted
 * @param extensions per agency code, a later deadline granted by the chair
 * @param withdrawalAfterClosure whether the chair allows withdrawing an input once the call is
 *     closed (the joint input then gets a corrigendum)
 */
public record Call(
    String processId,
    String title,
    boolean open,
    Instant deadline,
    Map<String, Instant> extensions,
    boolean withdrawalAfterClosure) {

  /** A call whose closure refuses withdrawals (the chair's default rule). */
  public Call(
      String processId,
      String title,
      boolean open,
      Instant deadline,
      Map<String, Instant> extensions) {
    this(processId, title, open, deadline, extensions, false);
  }

  public Call {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(deadline, "deadline");
    extensions = Map.copyOf(extensions);
  }

  /** The deadline that applies to an agency: its extension if it has a later one. */
  public Instant deadlineFor(String agency) {
    Instant extended = extensions.get(agency);
    return extended != null && extended.isAfter(deadline) ? extended : deadline;
  }

  /** Refuses a submission by the agency at {@code now} if the call is closed or past deadline. */
  public void checkAcceptsSubmission(String agency, Instant now) {
    checkOpen();
    Instant applicable = deadlineFor(agency);
    if (now.isAfter(applicable)) {
      throw new RefusedException(
          Refusal.DEADLINE_PASSED,
          "The deadline of call " + processId + " for " + agency + " passed at " + applicable,
          "processId");
    }
  }

  /** Refuses a revision if the call is closed; revisions after the deadline are allowed. */
  public void checkAcceptsRevision() {
    checkOpen();
  }

  /**
   * Refuses a withdrawal once the call is closed, unless the chair's rule for this call allows it
   * (then the joint input publishes a corrigendum). While the call is open a withdrawal is always
   * allowed.
   */
  public void checkAcceptsWithdrawal() {
    if (!open && !withdrawalAfterClosure) {
      throw new RefusedException(
          Refusal.CALL_CLOSED,
          "The call for inputs "
              + processId
              + " is closed and its chair does not allow withdrawals after closure",
          "processId");
    }
  }

  private void checkOpen() {
    if (!open) {
      throw new RefusedException(
          Refusal.CALL_CLOSED, "The call for inputs " + processId + " is closed", "processId");
    }
  }
}
