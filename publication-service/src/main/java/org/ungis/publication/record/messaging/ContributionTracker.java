package org.ungis.publication.record.messaging;

import java.util.Optional;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.ungis.publication.record.ContributionTrack;
import org.ungis.publication.record.RecordChange;

/**
 * Keeps each contribution's {@link ContributionTrack} (key = contribution id) and forwards the
 * record changes it yields, keyed by their process id.
 */
class ContributionTracker implements Processor<String, TrackInput, String, RecordChange> {

  private ProcessorContext<String, RecordChange> context;
  private KeyValueStore<String, ContributionTrack.State> tracks;

  @Override
  public void init(ProcessorContext<String, RecordChange> context) {
    this.context = context;
    this.tracks = context.getStateStore(PublicationTopology.TRACKS);
  }

  @Override
  public void process(Record<String, TrackInput> record) {
    String contributionId = record.key();
    if (contributionId == null || record.value() == null) {
      return;
    }
    ContributionTrack.State saved = tracks.get(contributionId);
    ContributionTrack track =
        saved == null
            ? ContributionTrack.unknown(contributionId)
            : ContributionTrack.restore(saved);
    Optional<RecordChange> change = apply(track, record.value());
    tracks.put(contributionId, track.state());
    change.ifPresent(c -> context.forward(record.withKey(c.processId()).withValue(c)));
  }

  private static Optional<RecordChange> apply(ContributionTrack track, TrackInput input) {
    if (input instanceof TrackInput.Text t) {
      return track.textOf(t.processId(), t.agency(), t.revision(), t.content(), t.at());
    }
    if (input instanceof TrackInput.Approved a) {
      return track.approved(a.processId(), a.agency(), a.revision(), a.at(), a.by());
    }
    if (input instanceof TrackInput.Voted v) {
      track.approvalVoted(v.processId(), v.agency(), v.revision(), v.by());
      return Optional.empty();
    }
    if (input instanceof TrackInput.EndedWithoutApproval e) {
      track.endedWithoutApproval(e.processId(), e.agency(), e.revision());
      return Optional.empty();
    }
    TrackInput.Withdrawn w = (TrackInput.Withdrawn) input;
    return track.withdrawnAt(w.processId(), w.agency(), w.at());
  }
}
