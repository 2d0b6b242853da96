package org.ungis.registry.client;

/**
 * The registry answered a request with an error: its HTTP status and the Confluent {@code
 * error_code} of the body {@code {"error_code": 40401, "message": "Subject 'x' not found."}}.
 *
 * <p>Common codes: 40401 subject not found, 40402 version not found, 40403 schema not found, 409
 * incompatible schema, 42201 invalid schema, 42202 invalid version, 50001 store error.
 */
public class SchemaRegistryException extends RuntimeException {

  /** Subject not found. */
  public static final int SUBJECT_NOT_FOUND = 40401;

  /** Version not found. */
  public static final int VERSION_NOT_FOUND = 40402;

  /** Schema not found. */
  public static final int SCHEMA_NOT_FOUND = 40403;

  /** The schema is incompatible with an earlier version of the subject. */
  public static final int INCOMPATIBLE_SCHEMA = 409;

  /** The schema text is not a valid schema. */
  public static final int INVALID_SCHEMA = 42201;

  private static final long serialVersionUID = 1L;

  private final int status;
  private final int errorCode;

  public SchemaRegistryException(int status, int errorCode, String message) {
    super(message + " (HTTP " + status + ", error code " + errorCode + ")");
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status of the answer, e.g. 404 or 409. */
  public int status() {
    return status;
  }

  /** The registry's {@code error_code}, e.g. 40401; the HTTP status if the body had none. */
  public int errorCode() {
    return errorCode;
  }

  /** Whether the registry said the subject, version or schema does not exist. */
  public boolean isNotFound() {
    return status == 404;
  }
}
