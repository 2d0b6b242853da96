package org.ungis.review.web;

/** The acting agency is not a UNGIS member. */
class UnknownAgencyException extends RuntimeException {
  UnknownAgencyException(String agency) {
    super(agency + " is not a UNGIS member");
  }
}
