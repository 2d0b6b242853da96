package org.ungis.routing;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Brings a request about one key to the instance that owns the key: serves it here, forwards it
 * once to the owner and copies the owner's answer back, or answers 503 {@code unavailable} while
 * the owner is unknown (starting, rebalancing) or moved while the request was on its way. Each
 * service decides which requests are about which key (an interceptor or a filter of its own).
 *
 * <p>A body is read into memory only up to the forwarder's {@link BodyLimit}: a request that
 * declares a longer one is answered 413 {@code payload-too-large} before anything is read, one that
 * turns out longer (chunked) as soon as the limit is passed.
 */
public final class OwnerRouting {

  private final PartitionOwners owners;
  private final RequestForwarder forwarder;
  private final String what;

  /**
   * @param what what a key names, for the 503's detail ("contribution", "call for inputs")
   */
  public OwnerRouting(PartitionOwners owners, RequestForwarder forwarder, String what) {
    this.owners = owners;
    this.forwarder = forwarder;
    this.what = what;
  }

  /** The most bytes of a body this routing reads. */
  public BodyLimit bodyLimit() {
    return forwarder.bodyLimit();
  }

  /**
   * False, with the 413 answer written, when the request declares ({@code Content-Length}) a body
   * longer than the {@link #bodyLimit()}; nothing of the body is read.
   */
  public boolean withinLimit(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    if (!bodyLimit().declaredTooLarge(request)) {
      return true;
    }
    RoutingProblems.payloadTooLarge(
        response, request.getRequestURI(), new PayloadTooLargeException(bodyLimit().maxBytes()));
    return false;
  }

  /**
   * The request with its body read (up to the {@link #bodyLimit()}), to find its key in the body
   * and still hand it to the controller; null, with the 413 answer written, when the body is
   * longer.
   */
  public CachedBodyRequest withBody(HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    try {
      return new CachedBodyRequest(request, bodyLimit());
    } catch (PayloadTooLargeException e) {
      RoutingProblems.payloadTooLarge(response, request.getRequestURI(), e);
      return null;
    }
  }

  public PartitionOwners owners() {
    return owners;
  }

  /**
   * Routes a request about {@code key}. Returns true when this instance serves it (routing off, or
   * this instance owns the key); false when the answer has been written (forwarded, or 503).
   */
  public boolean serveHere(HttpServletRequest request, HttpServletResponse response, String key)
      throws IOException {
    if (!owners.routing()) {
      return true;
    }
    if (!withinLimit(request, response)) {
      return false;
    }
    PartitionOwners.Owner owner = owners.ownerOf(key);
    if (owner instanceof PartitionOwners.Local) {
      return true;
    }
    if (owner instanceof PartitionOwners.Unknown unknown) {
      RoutingProblems.unavailable(
          response,
          request.getRequestURI(),
          "The instance that holds this "
              + what
              + " is not known right now ("
              + unknown.why()
              + "); retry");
      return false;
    }
    HostInfo remote = ((PartitionOwners.Remote) owner).host();
    if (request.getHeader(RequestForwarder.FORWARDED) != null) {
      // Forwarded to us, yet another instance owns it now: the partitions moved in between.
      RoutingProblems.unavailable(
          response,
          request.getRequestURI(),
          "The " + what + " moved to another instance while this request was on its way; retry");
      return false;
    }
    forwardTo(remote, request, response);
    return false;
  }

  /**
   * Forwards a request to another instance (e.g. one that holds partitions, when this holds none);
   * 413 when its body is longer than the {@link #bodyLimit()}.
   */
  public void forwardTo(HostInfo peer, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body;
    try {
      body =
          request instanceof CachedBodyRequest cached ? cached.body() : bodyLimit().read(request);
    } catch (PayloadTooLargeException e) {
      RoutingProblems.payloadTooLarge(response, request.getRequestURI(), e);
      return;
    }
    forwarder.forward(request, body, peer, owners.self().orElseThrow(), what, response);
  }
}
