package org.ungis.portal.pub;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.ungis.portal.api.Models.RecordEntry;
import org.ungis.portal.web.Formats;

/**
 * One entry of a record page as the template writes it: every text already in the page's language
 * (revision, approval date, who approved), so that the template reads values instead of evaluating
 * a dozen expressions, messages and fragment calls per entry.
 */
public record EntryView(
    String htmlId,
    String lang,
    String dir,
    String title,
    String agency,
    String revision,
    String approvedIso,
    String approvedDate,
    String approvedBy,
    String summary,
    List<String> paragraphs,
    String sdgs,
    String actionLines,
    List<String> links) {

  static EntryView of(RecordEntry e, Formats fmt, MessageSource messages, Locale locale) {
    String approvedBy =
        e.approvals().stream()
            .map(a -> fmt.who(a.person()) + " (" + a.agency() + ")")
            .collect(Collectors.joining("; "));
    return new EntryView(
        "entry-" + e.contributionId(),
        fmt.lang(e.language()),
        fmt.dir(e.language()),
        e.title(),
        e.agencyName() != null && !e.agencyName().isBlank() ? e.agencyName() : e.agency(),
        messages.getMessage("input.revision", new Object[] {e.revision()}, locale),
        fmt.iso(e.approvedAt()),
        fmt.date(e.approvedAt()),
        approvedBy,
        e.summary() == null || e.summary().isBlank() ? null : e.summary(),
        fmt.paragraphs(e.body()),
        e.sdgs().stream().map(String::valueOf).collect(Collectors.joining(", ")),
        String.join(", ", e.actionLines()),
        e.links());
  }
}
