package org.ungis.portal.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the services answer, as the pages read it (unknown fields are ignored).
 *
 * <p>Deliberately the portal's own copies of the services' JSON shapes, not their classes: the
 * portal reaches the services over HTTP only and depends on none of their modules, so a service may
 * add a field without the portal being rebuilt (the one exception to "plumbing once" the duplicates
 * report shows between the portal and the services).
 */
public final class Models {

  private Models() {}

  /** A page of a list: {@code {"items":[...],"page":{...}}}. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Page<T>(List<T> items, PageInfo page) {
    public Page {
      items = items == null ? List.of() : items;
      page = page == null ? new PageInfo(0, items.size(), items.size(), 1) : page;
    }

    /** The largest page the services serve. */
    public static final int MAX_SIZE = 100;

    /** At most this many pages are read to gather a whole list. */
    static final int MAX_PAGES = 50;

    /** Every item of a paged list, reading pages until the last one. */
    public static <T> List<T> all(java.util.function.IntFunction<Page<T>> pages) {
      List<T> all = new java.util.ArrayList<>();
      for (int n = 0; n < MAX_PAGES; n++) {
        Page<T> page = pages.apply(n);
        all.addAll(page.items());
        if (!page.page().hasNext()) {
          break;
        }
      }
      return all;
    }

    /** Everything on one page (a list the service does not page). */
    public static <T> Page<T> of(List<T> items, int page, int size) {
      int from = Math.min(items.size(), page * size);
      int to = Math.min(items.size(), from + size);
      int pages = Math.max(1, (items.size() + size - 1) / size);
      return new Page<>(items.subList(from, to), new PageInfo(page, size, items.size(), pages));
    }
  }

  /** Where a page is in its list. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PageInfo(int page, int size, long totalElements, int totalPages) {
    public boolean hasPrevious() {
      return page > 0;
    }

    public boolean hasNext() {
      return page + 1 < totalPages;
    }
  }

  /** A call for inputs (review-service). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  /**
   * What the chair sets of the call's joint input: its symbol, the language of its labels, the rule
   * on withdrawals after closure, and the introduction and conclusion the chair writes.
   */
  public record Document(
      String symbol,
      String language,
      String withdrawalAfterClosure,
      String introduction,
      String conclusion) {
    static final Document NONE = new Document(null, "EN", "REFUSED", "", "");

    public Document {
      language = language == null ? "EN" : language;
      withdrawalAfterClosure = withdrawalAfterClosure == null ? "REFUSED" : withdrawalAfterClosure;
      introduction = introduction == null ? "" : introduction;
      conclusion = conclusion == null ? "" : conclusion;
    }
  }

  public record Call(
      String id,
      String title,
      String description,
      Instant deadline,
      String status,
      int requiredApprovals,
      List<Extension> extensions,
      Document document) {
    public Call {
      extensions = extensions == null ? List.of() : extensions;
      description = description == null ? "" : description;
      document = document == null ? Document.NONE : document;
    }

    public boolean open() {
      return "OPEN".equals(status);
    }

    /** The agency's own later deadline, if the chair granted one. */
    public Optional<Extension> extensionFor(String agency) {
      return extensions.stream().filter(e -> e.agency().equals(agency)).findFirst();
    }

    /** The deadline that applies to the agency. */
    public Instant deadlineFor(String agency) {
      return extensionFor(agency).map(Extension::deadline).orElse(deadline);
    }
  }

  /** A later deadline for one agency. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Extension(String agency, Instant deadline, String reason) {}

  /** A contribution (contributions-service). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Contribution(
      String id,
      String agency,
      String processId,
      String status,
      int revision,
      String title,
      String summary,
      String body,
      String language,
      List<String> actionLines,
      List<Integer> sdgs,
      List<String> links,
      Instant submittedAt,
      Instant updatedAt,
      String withdrawalReason,
      List<ContributionDecision> decisions) {
    public Contribution {
      actionLines = actionLines == null ? List.of() : actionLines;
      sdgs = sdgs == null ? List.of() : sdgs;
      links = links == null ? List.of() : links;
      decisions = decisions == null ? List.of() : decisions;
    }

    /** The latest comment of a reviewer who requested changes or rejected, if any. */
    public Optional<ContributionDecision> latestComment() {
      return decisions.stream()
          .filter(d -> d.comment() != null && !d.comment().isBlank())
          .filter(d -> !"APPROVED".equals(d.decision()))
          .reduce((first, second) -> second);
    }

    /** The approvals that count for the current revision. */
    public long currentApprovals() {
      return decisions.stream()
          .filter(d -> d.revision() == revision && !d.stale() && "APPROVED".equals(d.decision()))
          .map(ContributionDecision::reviewerAgency)
          .distinct()
          .count();
    }

    public boolean revisable() {
      return "CHANGES_REQUESTED".equals(status) || "SUBMITTED".equals(status);
    }

    public boolean withdrawable() {
      return !"WITHDRAWN".equals(status) && !"REJECTED".equals(status);
    }
  }

  /** A decision as contributions-service shows it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ContributionDecision(
      String reviewerAgency,
      String reviewerPrincipal,
      String decision,
      String outcome,
      String comment,
      int revision,
      boolean stale,
      Instant decidedAt) {}

  /** A contribution's audit trail, oldest first. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record History(
      String contributionId,
      String agency,
      String status,
      int revision,
      List<HistoryEntry> entries) {
    public History {
      entries = entries == null ? List.of() : entries;
    }
  }

  /** One entry of the audit trail. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record HistoryEntry(
      String type,
      Instant at,
      Actor actor,
      int revision,
      String note,
      String reason,
      String message,
      String decision,
      String outcome,
      String comment,
      Boolean stale) {}

  /** Who acted. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Actor(String agency, String principal, String role) {}

  /** One entry of the review queue (review-service). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record QueueItem(
      String contributionId,
      String agency,
      String processId,
      int revision,
      String title,
      String summary,
      Instant submittedAt,
      String status,
      String outcome,
      List<String> approvals) {
    public QueueItem {
      approvals = approvals == null ? List.of() : approvals;
    }
  }

  /** One decision, or a refused attempt, in review-service's history. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ReviewDecision(
      String id,
      int revision,
      String decision,
      String comment,
      String outcome,
      Actor reviewer,
      Instant decidedAt,
      boolean refused,
      String reason,
      boolean stale) {}

  /** One record in publication-service's list. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RecordSummary(
      String processId,
      String title,
      int edition,
      boolean finalEdition,
      int entryCount,
      Instant publishedAt) {}

  /** One edition of a record (the joint input). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RecordEdition(
      String processId,
      String symbol,
      int edition,
      boolean finalEdition,
      int corrigendum,
      List<RecordCorrection> corrections,
      Instant publishedAt,
      RecordCall call,
      RecordRota rota,
      RecordFraming framing,
      int entryCount,
      List<RecordEntry> entries) {
    public RecordEdition {
      entries = entries == null ? List.of() : entries;
      corrections = corrections == null ? List.of() : corrections;
      rota = rota == null ? new RecordRota(null, null) : rota;
      framing = framing == null ? new RecordFraming(null, null) : framing;
    }
  }

  /** The chairs and vice-chairs of the call's period, as "full name (CODE)". */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RecordRota(List<String> chairs, List<String> viceChairs) {
    public RecordRota {
      chairs = chairs == null ? List.of() : chairs;
      viceChairs = viceChairs == null ? List.of() : viceChairs;
    }
  }

  /** The chair's introduction and conclusion, by paragraph. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RecordFraming(List<String> introduction, List<String> conclusion) {
    public RecordFraming {
      introduction = introduction == null ? List.of() : introduction;
      conclusion = conclusion == null ? List.of() : conclusion;
    }
  }

  /** One change a corrigendum makes, with the line that says it in the record's language. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RecordCorrection(String kind, String agency, String title, String text) {}

  /** Who approved an entry (person and agency) and when. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RecordApproval(
      String person, String agency, String agencyName, Instant approvedAt) {}

  /** The call as a record shows it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RecordCall(String title, String description, Instant deadline) {}

  /** One agency's input in a record. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RecordEntry(
      String contributionId,
      String agency,
      String agencyName,
      int revision,
      Instant approvedAt,
      String title,
      String summary,
      String body,
      String language,
      List<Integer> sdgs,
      List<String> actionLines,
      List<String> links,
      List<RecordApproval> approvals) {
    public RecordEntry {
      approvals = approvals == null ? List.of() : approvals;
      sdgs = sdgs == null ? List.of() : sdgs;
      actionLines = actionLines == null ? List.of() : actionLines;
      links = links == null ? List.of() : links;
    }
  }
}
