package org.ungis.registry.client;

import org.apache.kafka.common.errors.RetriableException;

/**
 * No registry URL answered (every URL failed to connect or timed out), or the registry failed
 * (5xx): a transient condition, so a Kafka {@link RetriableException}. A record whose decoding
 * fails with this in its causes is not known to be bad and must be read again, never dead-lettered.
 */
public class SchemaRegistryUnavailableException extends RetriableException {

  private static final long serialVersionUID = 1L;

  public SchemaRegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
