package org.ungis.review.messaging;

import java.io.IOException;
import org.ungis.review.review.Approval;
import org.ungis.review.review.HistoryEntry;
import org.ungis.review.review.ItemStatus;
import org.ungis.review.review.ReviewItem;
import org.ungis.review.review.ReviewRound;
import org.ungis.review.review.Verdict;
import org.ungis.streams.BinaryStoreSerde;
import org.ungis.streams.StoreReader;
import org.ungis.streams.StoreWriter;

/**
 * The stored form of a {@link ReviewItem} in the {@link ViewStores#REVIEW_ITEMS} store: its
 * components in declaration order, each nested record likewise. Values written as JSON ({@link
 * ViewJson}) by earlier versions are read as they are.
 */
final class ReviewItemCodec implements BinaryStoreSerde.Codec<ReviewItem> {

  static BinaryStoreSerde<ReviewItem> serde() {
    return new BinaryStoreSerde<>(ReviewItem.class, new ReviewItemCodec(), ViewJson.MAPPER)
        .decodedCache(2048);
  }

  @Override
  public void write(ReviewItem item, StoreWriter out) throws IOException {
    out.string(item.contributionId());
    out.string(item.processId());
    out.string(item.agency());
    out.integer(item.revision());
    out.string(item.title());
    out.string(item.summary());
    out.instant(item.submittedAt());
    out.instant(item.firstSubmittedAt());
    out.enumeration(item.status());
    out.optional(item.round(), ReviewItemCodec::writeRound);
    out.list(item.history(), ReviewItemCodec::writeHistory);
  }

  @Override
  public ReviewItem read(StoreReader in) throws IOException {
    return new ReviewItem(
        in.string(),
        in.string(),
        in.string(),
        in.integer(),
        in.string(),
        in.string(),
        in.instant(),
        in.instant(),
        in.enumeration(ItemStatus.class),
        in.optional(ReviewItemCodec::readRound),
        in.list(ReviewItemCodec::readHistory));
  }

  private static void writeRound(ReviewRound round, StoreWriter out) throws IOException {
    out.integer(round.revision());
    out.list(round.approvals(), ReviewItemCodec::writeApproval);
    out.enumeration(round.outcome());
    out.instant(round.decidedAt());
  }

  private static ReviewRound readRound(StoreReader in) throws IOException {
    return new ReviewRound(
        in.integer(),
        in.list(ReviewItemCodec::readApproval),
        in.enumeration(Verdict.class),
        in.instant());
  }

  private static void writeApproval(Approval approval, StoreWriter out) throws IOException {
    out.string(approval.agency());
    out.string(approval.principal());
    out.instant(approval.at());
  }

  private static Approval readApproval(StoreReader in) throws IOException {
    return new Approval(in.string(), in.string(), in.instant());
  }

  private static void writeHistory(HistoryEntry entry, StoreWriter out) throws IOException {
    out.string(entry.eventId());
    out.integer(entry.revision());
    out.string(entry.agency());
    out.string(entry.principal());
    out.string(entry.role());
    out.enumeration(entry.decision());
    out.string(entry.comment());
    out.enumeration(entry.outcome());
    out.bool(entry.refused());
    out.string(entry.reason());
    out.string(entry.message());
    out.instant(entry.at());
  }

  private static HistoryEntry readHistory(StoreReader in) throws IOException {
    return new HistoryEntry(
        in.string(),
        in.integer(),
        in.string(),
        in.string(),
        in.string(),
        in.enumeration(Verdict.class),
        in.string(),
        in.enumeration(Verdict.class),
        in.bool(),
        in.string(),
        in.string(),
        in.instant());
  }
}
