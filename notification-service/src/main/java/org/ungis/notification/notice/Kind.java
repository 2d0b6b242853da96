package org.ungis.notification.notice;

/** What a notification tells its recipient; each has a subject and a text in the six languages. */
public enum Kind {
  /** To the reviewers of the period: a new input awaits them. */
  INPUT_AWAITING,
  /** To the reviewers of the period: a new revision awaits them. */
  REVISION_AWAITING,
  /** To the agency's focal points: the chair asks for changes (with the comment). */
  CHANGES_REQUESTED,
  /** To the agency's focal points: the input is approved. */
  APPROVED,
  /** To the agency's focal points: the input is rejected. */
  REJECTED,
  /** To the agency's focal points: the input is in the published record. */
  PUBLISHED,
  /** To the agency's focal points: the agency's deadline is extended. */
  EXTENSION_GRANTED,
  /** To every member's focal points: a call for inputs opened. */
  CALL_OPENED,
  /** To the focal points of an agency that has not submitted: the deadline is near. */
  REMINDER,
  /** To everyone concerned: the final edition of a record. */
  RECORD_FINAL,
  /** To everyone concerned: a new edition of a record after its final one. */
  CORRIGENDUM,
  /** To a reviewer who chose the daily digest: the inputs and revisions of one day. */
  DAILY_DIGEST
}
