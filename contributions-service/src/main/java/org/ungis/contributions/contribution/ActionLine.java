package org.ungis.contributions.contribution;

/** The WSIS action lines C1-C11 of the Geneva Plan of Action. */
public enum ActionLine {
  C1,
  C2,
  C3,
  C4,
  C5,
  C6,
  C7,
  C8,
  C9,
  C10,
  C11
}
