package org.ungis.review.rules;

import java.util.Objects;

/**
 * A command refused by a rule of the domain. The web adapter maps {@link Kind} to an HTTP status;
 * {@link #reason()} is a stable code (e.g. {@code STALE_REVISION}) that also goes into the audit
 * event of a refused decision.
 */
public final class RuleViolation extends RuntimeException {

  /** What kind of refusal this is. */
  public enum Kind {
    /** The command itself is malformed (a missing comment, an id of the wrong shape). */
    INVALID,
    /** The actor may not do this (not on the rota, recusal, not the chair). */
    FORBIDDEN,
    /** The thing the command is about does not exist. */
    NOT_FOUND,
    /** The command conflicts with the current state (stale revision, already decided, closed). */
    CONFLICT
  }

  private final Kind kind;
  private final String reason;
  private final String field;

  private RuleViolation(Kind kind, String reason, String field, String message) {
    super(message);
    this.kind = Objects.requireNonNull(kind);
    this.reason = Objects.requireNonNull(reason);
    this.field = field;
  }

  public static RuleViolation invalid(String field, String message) {
    return new RuleViolation(Kind.INVALID, "INVALID", field, message);
  }

  public static RuleViolation forbidden(String reason, String message) {
    return new RuleViolation(Kind.FORBIDDEN, reason, null, message);
  }

  public static RuleViolation notFound(String reason, String message) {
    return new RuleViolation(Kind.NOT_FOUND, reason, null, message);
  }

  public static RuleViolation conflict(String reason, String message) {
    return new RuleViolation(Kind.CONFLICT, reason, null, message);
  }

  public Kind kind() {
    return kind;
  }

  /** Stable code such as {@code RECUSAL}, {@code NOT_ON_ROTA}, {@code STALE_REVISION}. */
  public String reason() {
    return reason;
  }

  /** The request field at fault, for {@link Kind#INVALID}; otherwise {@code null}. */
  public String field() {
    return field;
  }

  /** Whether a refusal of this kind is a refusal on the rules of review (and so audited). */
  public boolean isRuleOfReview() {
    return kind == Kind.FORBIDDEN || kind == Kind.CONFLICT;
  }
}
