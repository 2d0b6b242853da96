package org.ungis.examples.subscriber;

import java.util.List;
import java.util.regex.Pattern;
import org.ungis.events.common.ContributionContent;
import org.ungis.events.record.RecordEdition;
import org.ungis.events.record.RecordEntry;
import org.ungis.publication.client.RecordAssembler.AssembledRecord;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders an assembled record as the JSON and Markdown files a subscriber keeps.
 *
 * <p>Deliberately self-contained: an example of a downstream subscriber depends on no module of the
 * platform (only the published schemas), so what it shares in shape with the portal's pages is
 * written here again on purpose.
 */
final class RecordDocuments {

  private static final JsonMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** Characters with a meaning in Markdown (CommonMark lets a backslash escape any of them). */
  private static final Pattern MARKDOWN_SPECIAL =
      Pattern.compile("[\\\\`*_{}\\[\\]<>()#+\\-.!|~&]");

  private static final Pattern WEB_LINK = Pattern.compile("https?://[^\\s<>]+");

  private RecordDocuments() {}

  /** The JSON file: the edition, the call and every entry's text, in the published order. */
  static String json(AssembledRecord record) {
    RecordEdition edition = record.edition();
    Document document =
        new Document(
            record.processId(),
            edition.getEdition(),
            edition.getFinal$(),
            record.publishedAt().toString(),
            new Call(
                edition.getCallTitle(),
                edition.getCallDescription(),
                edition.getDeadline().toString()),
            record.entries().stream().map(RecordDocuments::entry).toList());
    return JSON.writeValueAsString(document) + "\n";
  }

  private static Entry entry(RecordEntry entry) {
    ContributionContent content = entry.getContent();
    return new Entry(
        entry.getContributionId(),
        entry.getAgency(),
        entry.getAgencyName(),
        entry.getRevision(),
        entry.getSubmittedAt().toString(),
        entry.getApprovedAt().toString(),
        content.getTitle(),
        content.getSummary(),
        content.getBody(),
        content.getLanguage().name(),
        content.getSdgs(),
        content.getActionLines().stream().map(Enum::name).toList(),
        content.getLinks());
  }

  /** The Markdown file; every text from the topic is escaped, so it cannot inject markup. */
  static String markdown(AssembledRecord record) {
    RecordEdition edition = record.edition();
    StringBuilder md = new StringBuilder();
    md.append("# ").append(escape(edition.getCallTitle())).append("\n\n");
    md.append("UNGIS joint input to `")
        .append(record.processId())
        .append("`, edition ")
        .append(edition.getEdition())
        .append(edition.getFinal$() ? " (final)" : "")
        .append(", published ")
        .append(record.publishedAt())
        .append(". Deadline: ")
        .append(edition.getDeadline())
        .append(". Entries: ")
        .append(record.entries().size())
        .append(".\n\n");
    if (!edition.getCallDescription().isBlank()) {
      md.append(escape(edition.getCallDescription())).append("\n\n");
    }
    String agency = null;
    for (RecordEntry entry : record.entries()) {
      if (!entry.getAgency().equals(agency)) {
        agency = entry.getAgency();
        String name = entry.getAgencyName().isBlank() ? agency : entry.getAgencyName();
        md.append("## ").append(escape(name)).append(" (").append(escape(agency)).append(")\n\n");
      }
      ContributionContent content = entry.getContent();
      md.append("### ").append(escape(content.getTitle())).append("\n\n");
      if (!content.getSummary().isBlank()) {
        md.append('*').append(escape(content.getSummary())).append("*\n\n");
      }
      for (String paragraph : content.getBody().split("\\R\\s*\\R")) {
        if (!paragraph.isBlank()) {
          md.append(escape(paragraph.strip())).append("\n\n");
        }
      }
      md.append("Language: ").append(content.getLanguage());
      if (!content.getSdgs().isEmpty()) {
        md.append(" · SDGs: ").append(join(content.getSdgs()));
      }
      if (!content.getActionLines().isEmpty()) {
        md.append(" · WSIS action lines: ").append(join(content.getActionLines()));
      }
      md.append(" · revision ")
          .append(entry.getRevision())
          .append(", approved ")
          .append(entry.getApprovedAt())
          .append("\n\n");
      for (String link : content.getLinks()) {
        // Only absolute http(s) URLs become links; anything else stays inert text.
        md.append("- ")
            .append(WEB_LINK.matcher(link).matches() ? "<" + link + ">" : escape(link))
            .append('\n');
      }
      if (!content.getLinks().isEmpty()) {
        md.append('\n');
      }
    }
    return md.toString();
  }

  static String escape(String text) {
    return MARKDOWN_SPECIAL.matcher(text.replaceAll("\\R", " ")).replaceAll("\\\\$0");
  }

  private static String join(List<?> values) {
    return String.join(", ", values.stream().map(String::valueOf).toList());
  }

  record Document(
      String processId,
      int edition,
      boolean finalEdition,
      String publishedAt,
      Call call,
      List<Entry> entries) {}

  record Call(String title, String description, String deadline) {}

  record Entry(
      String contributionId,
      String agency,
      String agencyName,
      int revision,
      String submittedAt,
      String approvedAt,
      String title,
      String summary,
      String body,
      String language,
      List<Integer> sdgs,
      List<String> actionLines,
      List<String> links) {}
}
