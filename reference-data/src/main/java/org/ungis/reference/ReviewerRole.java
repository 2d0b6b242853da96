package org.ungis.reference;

/** The capacity in which a member agency sits on the review rota of a period. */
public enum ReviewerRole {
  CHAIR,
  VICE_CHAIR
}
