package org.ungis.registry.client;

/** No registry URL answered: every URL failed to connect or timed out. */
public class SchemaRegistryUnavailableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public SchemaRegistryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
