package org.ungis.routing;

/**
 * The request body is longer than the routing layer reads into memory ({@link BodyLimit}), declared
 * ({@code Content-Length}) or found while reading. Answered 413 {@code payload-too-large} ({@link
 * RoutingProblems#payloadTooLarge}).
 */
public class PayloadTooLargeException extends RuntimeException {

  private final long maxBytes;

  public PayloadTooLargeException(long maxBytes) {
    super(
        "The request body is larger than "
            + maxBytes
            + " bytes, the most this service accepts; send a shorter body");
    this.maxBytes = maxBytes;
  }

  /** The most bytes of a body the service accepts. */
  public long maxBytes() {
    return maxBytes;
  }
}
