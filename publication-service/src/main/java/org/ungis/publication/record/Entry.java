package org.ungis.publication.record;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One agency's input as it appears in a record: the approved revision of a contribution.
 *
 * @param processId the call for inputs
 * @param contributionId the contribution
 * @param agency member code of the owning agency
 * @param agencyName full name of the agency (from the roster), empty if unknown
 * @param revision the approved revision
 * @param submittedAt when the contribution was first submitted (orders entries of one agency)
 * @param approvedAt when the approval that put this revision in the record was decided
 * @param content the approved text
 * @param approvals who approved this revision, oldest first (empty if not known)
 */
public record Entry(
    String processId,
    String contributionId,
    String agency,
    String agencyName,
    int revision,
    Instant submittedAt,
    Instant approvedAt,
    Content content,
    List<Approval> approvals) {

  /** An entry whose approvers are not known. */
  public Entry(
      String processId,
      String contributionId,
      String agency,
      String agencyName,
      int revision,
      Instant submittedAt,
      Instant approvedAt,
      Content content) {
    this(
        processId,
        contributionId,
        agency,
        agencyName,
        revision,
        submittedAt,
        approvedAt,
        content,
        List.of());
  }

  public Entry {
    Objects.requireNonNull(processId, "processId");
    Objects.requireNonNull(contributionId, "contributionId");
    Objects.requireNonNull(agency, "agency");
    Objects.requireNonNull(submittedAt, "submittedAt");
    Objects.requireNonNull(approvedAt, "approvedAt");
    Objects.requireNonNull(content, "content");
    agencyName = agencyName == null ? "" : agencyName;
    approvals = approvals == null ? List.of() : List.copyOf(approvals);
  }

  /** The reference a manifest lists for this entry. */
  public EntryRef ref() {
    return new EntryRef(contributionId, agency, revision, submittedAt);
  }

  public Entry withAgencyName(String name) {
    return new Entry(
        processId,
        contributionId,
        agency,
        name,
        revision,
        submittedAt,
        approvedAt,
        content,
        approvals);
  }
}
