package org.ungis.portal.live;

import java.util.List;

/**
 * Something the pages may show at once: a named event for htmx ({@code sse:contribution}, {@code
 * sse:call}, {@code sse:record}) and one sentence for the status region.
 *
 * @param name the SSE event name
 * @param agency the agency whose input it concerns (its focal points see it), or null if public
 * @param reviewersOnly whether only reviewers (and that agency) may see it
 * @param subject the contribution or call id (the event's data)
 * @param messageKey the sentence's message key
 * @param arguments its arguments
 */
record LiveEvent(
    String name,
    String agency,
    boolean reviewersOnly,
    String subject,
    String messageKey,
    List<Object> arguments) {

  static final String CONTRIBUTION = "contribution";
  static final String CALL = "call";
  static final String RECORD = "record";

  /** Whether this person may see it: public events, their agency's inputs, or a reviewer. */
  boolean visibleTo(org.ungis.portal.security.Person person) {
    if (!reviewersOnly) {
      return true;
    }
    return person != null && (person.reviewer() || person.agency().equals(agency));
  }
}
