package org.ungis.review.command;

/**
 * A request that carried an Idempotency-Key, as remembered by the view: its fingerprint and the
 * event it produced.
 *
 * @param fingerprint the request's fingerprint
 * @param eventId the event written for it
 * @param subject the process id or contribution id the event is about
 */
public record RememberedRequest(String fingerprint, String eventId, String subject) {}
