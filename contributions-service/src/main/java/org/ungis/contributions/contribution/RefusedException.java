package org.ungis.contributions.contribution;

import java.util.List;

/** A request that the rules of the workflow refuse, with the fields at fault (if any). */
public class RefusedException extends RuntimeException {

  private final Refusal refusal;
  private final List<FieldError> errors;

  public RefusedException(Refusal refusal, String detail, List<FieldError> errors) {
    super(detail);
    this.refusal = refusal;
    this.errors = List.copyOf(errors);
  }

  public RefusedException(Refusal refusal, String detail) {
    this(refusal, detail, List.of());
  }

  public RefusedException(Refusal refusal, String detail, String field) {
    this(refusal, detail, List.of(new FieldError(field, detail)));
  }

  public Refusal refusal() {
    return refusal;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
