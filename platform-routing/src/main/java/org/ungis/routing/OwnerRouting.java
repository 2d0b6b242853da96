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
   * Forwards a request to another instance (e.g. one that holds partitions, when this holds none).
   */
  public void forwardTo(HostInfo peer, HttpServletRequest request, HttpServletResponse response)
      throws IOException {
    byte[] body = request.getInputStream().readAllBytes();
    forwarder.forward(request, body, peer, owners.self().orElseThrow(), what, response);
  }
}
