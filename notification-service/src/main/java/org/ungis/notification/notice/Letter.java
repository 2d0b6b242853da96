package org.ungis.notification.notice;

/**
 * A notice written for its recipient.
 *
 * @param language the BCP 47 tag of the text (the recipient's language)
 * @param subject the subject line
 * @param text the plain-text part
 * @param html the HTML part
 * @param link the portal's page it is about
 */
public record Letter(String language, String subject, String text, String html, String link) {}
