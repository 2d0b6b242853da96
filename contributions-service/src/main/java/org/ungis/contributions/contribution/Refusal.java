package org.ungis.contributions.contribution;

/** Why the service refused a request. The web adapter maps each to an HTTP status and a slug. */
public enum Refusal {
  /** The input breaks a rule on its fields. */
  VALIDATION,
  /** The acting agency is not a member of UNGIS. */
  UNKNOWN_AGENCY,
  /** The acting agency may not act on this contribution. */
  FORBIDDEN,
  /** No such contribution. */
  NOT_FOUND,
  /** No call for inputs with that process id. */
  UNKNOWN_PROCESS,
  /** The call for inputs is closed. */
  CALL_CLOSED,
  /** The call's deadline (or the agency's extension) has passed. */
  DEADLINE_PASSED,
  /** The client's expected revision is not the current one. */
  STALE_REVISION,
  /** The contribution's status does not allow the change. */
  CONFLICT,
  /** An idempotency key was used before with a different request. */
  IDEMPOTENCY_KEY_REUSED,
  /** Kafka or the local views cannot serve the request right now. */
  UNAVAILABLE
}
