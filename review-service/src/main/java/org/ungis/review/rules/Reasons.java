package org.ungis.review.rules;

/** The stable reason codes of refusals; they appear in problem details and in audit events. */
public final class Reasons {
  public static final String NOT_A_REVIEWER = "NOT_A_REVIEWER";
  public static final String NOT_ON_ROTA = "NOT_ON_ROTA";
  public static final String NOT_CHAIR = "NOT_CHAIR";
  public static final String RECUSAL = "RECUSAL";
  public static final String STALE_REVISION = "STALE_REVISION";
  public static final String UNKNOWN_REVISION = "UNKNOWN_REVISION";
  public static final String ALREADY_DECIDED = "ALREADY_DECIDED";
  public static final String CONTRIBUTION_WITHDRAWN = "CONTRIBUTION_WITHDRAWN";
  public static final String AGENCY_ALREADY_APPROVED = "AGENCY_ALREADY_APPROVED";
  public static final String CALL_CLOSED = "CALL_CLOSED";
  public static final String CALL_UNKNOWN = "CALL_UNKNOWN";
  public static final String CALL_EXISTS = "CALL_EXISTS";
  public static final String SYMBOL_EXISTS = "SYMBOL_EXISTS";
  public static final String UNKNOWN_AGENCY = "UNKNOWN_AGENCY";
  public static final String NOT_FOUND = "NOT_FOUND";

  private Reasons() {}
}
