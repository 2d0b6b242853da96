package org.ungis.publication.record;

import java.time.Instant;

/** What a contribution's history means for its call's record. */
public sealed interface RecordChange {

  /** The call for inputs whose record changes. */
  String processId();

  /** When the change happened. */
  Instant at();

  /** An approved revision enters the record. */
  record EntryApproved(Entry entry) implements RecordChange {
    @Override
    public String processId() {
      return entry.processId();
    }

    @Override
    public Instant at() {
      return entry.approvedAt();
    }
  }

  /** An approved contribution was withdrawn and leaves the record. */
  record EntryWithdrawn(String processId, String contributionId, Instant at)
      implements RecordChange {}
}
