package org.ungis.review.messaging;

import java.io.IOException;
import org.ungis.review.call.CallForInputs;
import org.ungis.review.call.CallState;
import org.ungis.review.call.Extension;
import org.ungis.review.call.JointInput;
import org.ungis.review.call.WithdrawalRule;
import org.ungis.streams.BinaryStoreSerde;
import org.ungis.streams.StoreReader;
import org.ungis.streams.StoreWriter;

/**
 * The stored form of a {@link CallForInputs} in the {@link ViewStores#CALLS} store: its components
 * in declaration order, each nested record likewise. Values written as JSON ({@link ViewJson}) by
 * earlier versions are read as they are.
 */
final class CallCodec implements BinaryStoreSerde.Codec<CallForInputs> {

  static BinaryStoreSerde<CallForInputs> serde() {
    return new BinaryStoreSerde<>(CallForInputs.class, new CallCodec(), ViewJson.MAPPER)
        .decodedCache(256);
  }

  @Override
  public void write(CallForInputs call, StoreWriter out) throws IOException {
    out.string(call.id());
    out.string(call.title());
    out.string(call.description());
    out.instant(call.deadline());
    out.integer(call.requiredApprovals());
    out.enumeration(call.state());
    out.list(call.extensions(), CallCodec::writeExtension);
    out.optional(call.document(), CallCodec::writeDocument);
  }

  @Override
  public CallForInputs read(StoreReader in) throws IOException {
    return new CallForInputs(
        in.string(),
        in.string(),
        in.string(),
        in.instant(),
        in.integer(),
        in.enumeration(CallState.class),
        in.list(CallCodec::readExtension),
        in.optional(CallCodec::readDocument));
  }

  private static void writeExtension(Extension extension, StoreWriter out) throws IOException {
    out.string(extension.agency());
    out.instant(extension.deadline());
    out.string(extension.reason());
  }

  private static Extension readExtension(StoreReader in) throws IOException {
    return new Extension(in.string(), in.instant(), in.string());
  }

  private static void writeDocument(JointInput document, StoreWriter out) throws IOException {
    out.string(document.symbol());
    out.string(document.language());
    out.enumeration(document.withdrawalAfterClosure());
    out.string(document.introduction());
    out.string(document.conclusion());
  }

  private static JointInput readDocument(StoreReader in) throws IOException {
    return new JointInput(
        in.string(), in.string(), in.enumeration(WithdrawalRule.class), in.string(), in.string());
  }
}
