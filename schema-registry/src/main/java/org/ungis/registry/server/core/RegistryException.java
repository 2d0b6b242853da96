package org.ungis.registry.server.core;

/** A refusal with a Confluent error code; the message is safe to show to the caller. */
public class RegistryException extends RuntimeException {

  private final ErrorCode errorCode;

  public RegistryException(ErrorCode errorCode, String message) {
    super(message);
    this.errorCode = errorCode;
  }

  public RegistryException(ErrorCode errorCode, String message, Throwable cause) {
    super(message, cause);
    this.errorCode = errorCode;
  }

  public ErrorCode errorCode() {
    return errorCode;
  }

  static RegistryException subjectNotFound(String subject) {
    return new RegistryException(
        ErrorCode.SUBJECT_NOT_FOUND, "Subject '" + subject + "' not found.");
  }

  static RegistryException versionNotFound(int version) {
    return new RegistryException(ErrorCode.VERSION_NOT_FOUND, "Version " + version + " not found.");
  }

  static RegistryException schemaNotFound(String detail) {
    return new RegistryException(ErrorCode.SCHEMA_NOT_FOUND, detail);
  }

  static RegistryException invalidSchema(String detail) {
    return new RegistryException(ErrorCode.INVALID_SCHEMA, detail);
  }
}
