package org.ungis.registry.client;

import org.apache.avro.Schema;

/**
 * The calls a serializer and a deserializer make to a Confluent-compatible schema registry.
 *
 * <p>Implementations cache: registering or looking up the same schema twice, or fetching the same
 * id twice, makes one registry request, not two. {@link #requestCount()} tells how many requests
 * actually reached the registry, so a test can check it.
 *
 * <p>Every method throws {@link SchemaRegistryException} when the registry answers with an error
 * body, and {@link SchemaRegistryUnavailableException} when no registry URL can be reached.
 */
public interface SchemaRegistryClient {

  /**
   * Registers {@code schema} under {@code subject} ({@code POST /subjects/{subject}/versions}) and
   * returns its global id. Idempotent: the same schema gets the same id back.
   */
  default int register(String subject, Schema schema) {
    return register(subject, schema, false);
  }

  /**
   * Like {@link #register(String, Schema)}, asking the registry to normalize the schema first
   * ({@code ?normalize=true}).
   */
  int register(String subject, Schema schema, boolean normalize);

  /** The schema with this global id ({@code GET /schemas/ids/{id}}). */
  Schema getSchemaById(int id);

  /**
   * The id of {@code schema} if it is registered under {@code subject} ({@code POST
   * /subjects/{subject}}); a {@link SchemaRegistryException} with error code 40401 or 40403 if not.
   */
  default int getId(String subject, Schema schema) {
    return getId(subject, schema, false);
  }

  /** Like {@link #getId(String, Schema)}, with {@code ?normalize=}. */
  int getId(String subject, Schema schema, boolean normalize);

  /** The latest version of {@code subject} ({@code GET /subjects/{subject}/versions/latest}). */
  SchemaMetadata getLatestSchemaMetadata(String subject);

  /** One version of {@code subject} ({@code GET /subjects/{subject}/versions/{version}}). */
  SchemaMetadata getSchemaMetadata(String subject, int version);

  /**
   * Sets the compatibility level of {@code subject} ({@code PUT /config/{subject}}), e.g. {@code
   * BACKWARD_TRANSITIVE}, and returns the level the registry answered with. A topic's owner calls
   * it once at start-up to pin the level its contract promises.
   */
  String updateCompatibility(String subject, String level);

  /** How many requests reached the registry through this client since it was created. */
  long requestCount();
}
