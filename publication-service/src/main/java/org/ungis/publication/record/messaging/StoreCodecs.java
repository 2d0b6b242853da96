package org.ungis.publication.record.messaging;

import java.io.IOException;
import org.ungis.publication.record.Approval;
import org.ungis.publication.record.CallInfo;
import org.ungis.publication.record.ConsolidatedRecord;
import org.ungis.publication.record.Content;
import org.ungis.publication.record.ContributionTrack;
import org.ungis.publication.record.Correction;
import org.ungis.publication.record.Entry;
import org.ungis.publication.record.EntryRef;
import org.ungis.publication.record.HistoryStep;
import org.ungis.publication.record.RecordChange;
import org.ungis.streams.BinaryStoreSerde;
import org.ungis.streams.StoreReader;
import org.ungis.streams.StoreWriter;

/**
 * The binary stored forms ({@link BinaryStoreSerde}) of the service's state: each type's fields in
 * declaration order, each nested record likewise (instants whole, though every instant the service
 * keeps comes from the topics' millisecond timestamps).
 */
final class StoreCodecs {

  private StoreCodecs() {}

  static final BinaryStoreSerde.Codec<ContributionTrack.State> TRACK =
      new BinaryStoreSerde.Codec<>() {
        @Override
        public void write(ContributionTrack.State track, StoreWriter out) throws IOException {
          out.string(track.contributionId());
          out.string(track.processId());
          out.string(track.agency());
          out.instant(track.submittedAt());
          out.integer(track.revision());
          out.optional(track.content(), StoreCodecs::writeContent);
          out.bool(track.withdrawn());
          out.integer(track.approvedRevision());
          out.integer(track.endedRevision());
          out.integer(track.pendingRevision());
          out.instant(track.pendingAt());
          out.list(
              track.votes(),
              (vote, o) -> {
                o.integer(vote.revision());
                writeApproval(vote.approval(), o);
              });
        }

        @Override
        public ContributionTrack.State read(StoreReader in) throws IOException {
          return new ContributionTrack.State(
              in.string(),
              in.string(),
              in.string(),
              in.instant(),
              in.integer(),
              in.optional(StoreCodecs::readContent),
              in.bool(),
              in.integer(),
              in.integer(),
              in.integer(),
              in.instant(),
              in.list(i -> new ContributionTrack.Vote(i.integer(), readApproval(i))));
        }
      };

  static final BinaryStoreSerde.Codec<Entry> ENTRY =
      new BinaryStoreSerde.Codec<>() {
        @Override
        public void write(Entry entry, StoreWriter out) throws IOException {
          writeEntry(entry, out);
        }

        @Override
        public Entry read(StoreReader in) throws IOException {
          return readEntry(in);
        }
      };

  /** An approved entry (kind 0) or a withdrawal (kind 1). */
  static final BinaryStoreSerde.Codec<RecordChange> CHANGE =
      new BinaryStoreSerde.Codec<>() {
        @Override
        public void write(RecordChange change, StoreWriter out) throws IOException {
          if (change instanceof RecordChange.EntryApproved approved) {
            out.integer(0);
            writeEntry(approved.entry(), out);
          } else {
            RecordChange.EntryWithdrawn withdrawn = (RecordChange.EntryWithdrawn) change;
            out.integer(1);
            out.string(withdrawn.processId());
            out.string(withdrawn.contributionId());
            out.instant(withdrawn.at());
          }
        }

        @Override
        public RecordChange read(StoreReader in) throws IOException {
          int kind = in.integer();
          return switch (kind) {
            case 0 -> new RecordChange.EntryApproved(readEntry(in));
            case 1 -> new RecordChange.EntryWithdrawn(in.string(), in.string(), in.instant());
            default -> throw new IOException("unknown kind of change " + kind);
          };
        }
      };

  static final BinaryStoreSerde.Codec<StateSerdes.SavedRef> REF =
      new BinaryStoreSerde.Codec<>() {
        @Override
        public void write(StateSerdes.SavedRef ref, StoreWriter out) throws IOException {
          out.optional(ref.ref(), StoreCodecs::writeRef);
          out.bool(ref.withdrawn());
        }

        @Override
        public StateSerdes.SavedRef read(StoreReader in) throws IOException {
          return new StateSerdes.SavedRef(in.optional(StoreCodecs::readRef), in.bool());
        }
      };

  static final BinaryStoreSerde.Codec<ConsolidatedRecord.State> RECORD =
      new BinaryStoreSerde.Codec<>() {
        @Override
        public void write(ConsolidatedRecord.State state, StoreWriter out) throws IOException {
          out.string(state.processId());
          out.optional(state.call(), StoreCodecs::writeCall);
          out.integer(state.edition());
          out.bool(state.finalEdition());
          out.instant(state.closedAt());
          out.instant(state.publishedAt());
          out.list(state.entries(), StoreCodecs::writeRef);
          out.list(state.withdrawn(), (id, o) -> o.string(id));
          out.list(
              state.changed(),
              (changed, o) -> {
                o.string(changed.contributionId());
                o.optional(changed.published(), StoreCodecs::writeRef);
              });
          out.bool(state.closurePending());
          out.bool(state.callPending());
          out.bool(state.finalPublished());
          out.integer(state.corrigendum());
          out.list(state.corrections(), StoreCodecs::writeCorrection);
        }

        @Override
        public ConsolidatedRecord.State read(StoreReader in) throws IOException {
          return new ConsolidatedRecord.State(
              in.string(),
              in.optional(StoreCodecs::readCall),
              in.integer(),
              in.bool(),
              in.instant(),
              in.instant(),
              in.list(StoreCodecs::readRef),
              in.list(StoreReader::string),
              in.list(
                  i ->
                      new ConsolidatedRecord.Changed(i.string(), i.optional(StoreCodecs::readRef))),
              in.bool(),
              in.bool(),
              in.bool(),
              in.integer(),
              in.list(StoreCodecs::readCorrection));
        }
      };

  static final BinaryStoreSerde.Codec<HistoryStep> HISTORY =
      new BinaryStoreSerde.Codec<>() {
        @Override
        public void write(HistoryStep step, StoreWriter out) throws IOException {
          out.integer(step.number());
          out.bool(step.finalEdition());
          out.optional(step.call(), StoreCodecs::writeCall);
          out.instant(step.publishedAt());
          out.list(step.added(), StoreCodecs::writeRef);
          out.list(step.removed(), (id, o) -> o.string(id));
          out.bool(step.snapshot() != null);
          if (step.snapshot() != null) {
            out.list(step.snapshot(), StoreCodecs::writeRef);
          }
          out.integer(step.corrigendum());
          out.list(step.corrections(), StoreCodecs::writeCorrection);
        }

        @Override
        public HistoryStep read(StoreReader in) throws IOException {
          return new HistoryStep(
              in.integer(),
              in.bool(),
              in.optional(StoreCodecs::readCall),
              in.instant(),
              in.list(StoreCodecs::readRef),
              in.list(StoreReader::string),
              in.bool() ? in.list(StoreCodecs::readRef) : null,
              in.integer(),
              in.list(StoreCodecs::readCorrection));
        }
      };

  private static void writeEntry(Entry entry, StoreWriter out) throws IOException {
    out.string(entry.processId());
    out.string(entry.contributionId());
    out.string(entry.agency());
    out.string(entry.agencyName());
    out.integer(entry.revision());
    out.instant(entry.submittedAt());
    out.instant(entry.approvedAt());
    writeContent(entry.content(), out);
    out.list(entry.approvals(), StoreCodecs::writeApproval);
  }

  private static Entry readEntry(StoreReader in) throws IOException {
    return new Entry(
        in.string(),
        in.string(),
        in.string(),
        in.string(),
        in.integer(),
        in.instant(),
        in.instant(),
        readContent(in),
        in.list(StoreCodecs::readApproval));
  }

  private static void writeContent(Content content, StoreWriter out) throws IOException {
    out.string(content.title());
    out.string(content.summary());
    out.string(content.body());
    out.string(content.language());
    out.list(content.actionLines(), (line, o) -> o.string(line));
    out.list(content.sdgs(), (sdg, o) -> o.integer(sdg));
    out.list(content.links(), (link, o) -> o.string(link));
  }

  private static Content readContent(StoreReader in) throws IOException {
    return new Content(
        in.string(),
        in.string(),
        in.string(),
        in.string(),
        in.list(StoreReader::string),
        in.list(StoreReader::integer),
        in.list(StoreReader::string));
  }

  private static void writeApproval(Approval approval, StoreWriter out) throws IOException {
    out.string(approval.agency());
    out.string(approval.principal());
    out.instant(approval.at());
  }

  private static Approval readApproval(StoreReader in) throws IOException {
    return new Approval(in.string(), in.string(), in.instant());
  }

  private static void writeRef(EntryRef ref, StoreWriter out) throws IOException {
    out.string(ref.contributionId());
    out.string(ref.agency());
    out.integer(ref.revision());
    out.instant(ref.submittedAt());
  }

  private static EntryRef readRef(StoreReader in) throws IOException {
    return new EntryRef(in.string(), in.string(), in.integer(), in.instant());
  }

  private static void writeCall(CallInfo call, StoreWriter out) throws IOException {
    out.string(call.title());
    out.string(call.description());
    out.instant(call.deadline());
    out.string(call.symbol());
    out.string(call.language());
    out.string(call.introduction());
    out.string(call.conclusion());
  }

  private static CallInfo readCall(StoreReader in) throws IOException {
    return new CallInfo(
        in.string(), in.string(), in.instant(), in.string(), in.string(), in.string(), in.string());
  }

  private static void writeCorrection(Correction correction, StoreWriter out) throws IOException {
    out.enumeration(correction.kind());
    out.string(correction.agency());
    out.string(correction.contributionId());
    out.string(correction.title());
    out.instant(correction.at());
  }

  private static Correction readCorrection(StoreReader in) throws IOException {
    return new Correction(
        in.enumeration(Correction.Kind.class), in.string(), in.string(), in.string(), in.instant());
  }
}
