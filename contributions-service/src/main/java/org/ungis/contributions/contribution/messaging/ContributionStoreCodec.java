package org.ungis.contributions.contribution.messaging;

import java.io.IOException;
import org.ungis.contributions.contribution.ActionLine;
import org.ungis.contributions.contribution.Content;
import org.ungis.contributions.contribution.Contribution;
import org.ungis.contributions.contribution.ContributionStatus;
import org.ungis.contributions.contribution.Decision;
import org.ungis.contributions.contribution.HistoryEntry;
import org.ungis.contributions.contribution.Language;
import org.ungis.contributions.contribution.Review;
import org.ungis.streams.BinaryStoreSerde;
import org.ungis.streams.StoreReader;
import org.ungis.streams.StoreWriter;

/**
 * The stored form of the contribution aggregate ({@link Contribution.State}) in the {@value
 * ContributionViewTopology#CONTRIBUTIONS_STORE} store: its fields in declaration order, each nested
 * record likewise. Values written as JSON by earlier versions are read as they are.
 */
final class ContributionStoreCodec implements BinaryStoreSerde.Codec<Contribution.State> {

  static BinaryStoreSerde<Contribution.State> serde() {
    return new BinaryStoreSerde<>(Contribution.State.class, new ContributionStoreCodec());
  }

  @Override
  public void write(Contribution.State state, StoreWriter out) throws IOException {
    out.string(state.id());
    out.string(state.processId());
    out.string(state.agency());
    out.enumeration(state.status());
    out.integer(state.revision());
    out.optional(state.content(), ContributionStoreCodec::writeContent);
    out.instant(state.submittedAt());
    out.string(state.submittedBy());
    out.instant(state.updatedAt());
    out.string(state.withdrawalReason());
    out.list(state.reviews(), ContributionStoreCodec::writeReview);
    out.integer(state.changes());
    out.list(state.history(), ContributionStoreCodec::writeHistory);
  }

  @Override
  public Contribution.State read(StoreReader in) throws IOException {
    return new Contribution.State(
        in.string(),
        in.string(),
        in.string(),
        in.enumeration(ContributionStatus.class),
        in.integer(),
        in.optional(ContributionStoreCodec::readContent),
        in.instant(),
        in.string(),
        in.instant(),
        in.string(),
        in.list(ContributionStoreCodec::readReview),
        in.integer(),
        in.list(ContributionStoreCodec::readHistory));
  }

  private static void writeContent(Content content, StoreWriter out) throws IOException {
    out.string(content.title());
    out.string(content.summary());
    out.string(content.body());
    out.enumeration(content.language());
    out.list(content.actionLines(), (line, o) -> o.enumeration(line));
    out.list(content.sdgs(), (sdg, o) -> o.integer(sdg));
    out.list(content.links(), (link, o) -> o.string(link));
  }

  private static Content readContent(StoreReader in) throws IOException {
    return new Content(
        in.string(),
        in.string(),
        in.string(),
        in.enumeration(Language.class),
        in.list(i -> i.enumeration(ActionLine.class)),
        in.list(StoreReader::integer),
        in.list(StoreReader::string));
  }

  private static void writeReview(Review review, StoreWriter out) throws IOException {
    out.uuid(review.eventId());
    out.string(review.reviewerAgency());
    out.string(review.reviewerPrincipal());
    out.string(review.reviewerRole());
    out.enumeration(review.decision());
    out.string(review.comment());
    out.enumeration(review.outcome());
    out.integer(review.revision());
    out.bool(review.stale());
    out.instant(review.decidedAt());
  }

  private static Review readReview(StoreReader in) throws IOException {
    return new Review(
        in.uuid(),
        in.string(),
        in.string(),
        in.string(),
        in.enumeration(Decision.class),
        in.string(),
        in.enumeration(Decision.class),
        in.integer(),
        in.bool(),
        in.instant());
  }

  private static void writeHistory(HistoryEntry entry, StoreWriter out) throws IOException {
    out.enumeration(entry.kind());
    out.uuid(entry.eventId());
    out.instant(entry.at());
    out.string(entry.actorAgency());
    out.string(entry.actorPrincipal());
    out.string(entry.actorRole());
    out.integer(entry.revision());
    out.string(entry.note());
    out.string(entry.reason());
    out.string(entry.message());
    out.enumeration(entry.decision());
    out.enumeration(entry.outcome());
    out.string(entry.comment());
  }

  private static HistoryEntry readHistory(StoreReader in) throws IOException {
    return new HistoryEntry(
        in.enumeration(HistoryEntry.Kind.class),
        in.uuid(),
        in.instant(),
        in.string(),
        in.string(),
        in.string(),
        in.integer(),
        in.string(),
        in.string(),
        in.string(),
        in.enumeration(Decision.class),
        in.enumeration(Decision.class),
        in.string());
  }
}
