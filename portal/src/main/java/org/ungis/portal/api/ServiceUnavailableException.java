package org.ungis.portal.api;

import java.io.UncheckedIOException;

/** No service answered (down, unreachable, or too slow): the page says the service is away. */
public final class ServiceUnavailableException extends RuntimeException {

  public ServiceUnavailableException(UncheckedIOException cause) {
    super(cause.getMessage(), cause);
  }
}
