package org.ungis.review.call;

/** The chair's rule, per call, on withdrawing an approved input once the call is closed. */
public enum WithdrawalRule {
  /** Withdrawals after closure are refused (the default: a closed call is final). */
  REFUSED,
  /** Withdrawals after closure are allowed; the joint input then publishes a corrigendum. */
  CORRIGENDUM
}
