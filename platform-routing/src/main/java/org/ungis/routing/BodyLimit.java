package org.ungis.routing;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;

/**
 * The most bytes of a request body the routing layer reads into memory (to forward the request, or
 * to find its key in the body). A body is refused before it is read when its {@code Content-Length}
 * says it is longer, and while it is read when it turns out longer (chunked, no {@code
 * Content-Length}): at most {@code max + 1} bytes are ever read.
 *
 * @param maxBytes the limit, above the longest legitimate request of the service
 */
public record BodyLimit(long maxBytes) {

  /** The limit when a service sets none: 64 KiB. */
  public static final long DEFAULT_MAX_BYTES = 64 * 1024;

  public BodyLimit {
    if (maxBytes < 0 || maxBytes >= Integer.MAX_VALUE) {
      throw new IllegalArgumentException("a body limit of " + maxBytes + " bytes");
    }
  }

  /** True when the request declares a body longer than the limit. */
  public boolean declaredTooLarge(HttpServletRequest request) {
    return request.getContentLengthLong() > maxBytes;
  }

  /**
   * The whole body of the request, read once.
   *
   * @throws PayloadTooLargeException when it is longer than the limit (declared or read)
   */
  public byte[] read(HttpServletRequest request) throws IOException {
    if (declaredTooLarge(request)) {
      throw new PayloadTooLargeException(maxBytes);
    }
    byte[] body = request.getInputStream().readNBytes((int) maxBytes + 1);
    if (body.length > maxBytes) {
      throw new PayloadTooLargeException(maxBytes);
    }
    return body;
  }
}
