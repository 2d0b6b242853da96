package org.ungis.registry.server.core;

/**
 * The Confluent Schema Registry error codes this registry answers with. The HTTP status is part of
 * the contract: five-digit codes carry it in their first three digits.
 */
public enum ErrorCode {
  SUBJECT_NOT_FOUND(40401),
  VERSION_NOT_FOUND(40402),
  SCHEMA_NOT_FOUND(40403),
  SUBJECT_SOFT_DELETED(40404),
  SUBJECT_NOT_SOFT_DELETED(40405),
  VERSION_SOFT_DELETED(40406),
  VERSION_NOT_SOFT_DELETED(40407),
  SUBJECT_COMPATIBILITY_NOT_CONFIGURED(40408),
  SUBJECT_MODE_NOT_CONFIGURED(40409),
  INCOMPATIBLE_SCHEMA(409),
  INVALID_SCHEMA(42201),
  INVALID_VERSION(42202),
  INVALID_COMPATIBILITY_LEVEL(42203),
  INVALID_MODE(42204),
  OPERATION_NOT_PERMITTED(42205),
  STORE_ERROR(50001),
  OPERATION_TIMEOUT(50002);

  private final int code;

  ErrorCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public int httpStatus() {
    return code < 1000 ? code : code / 100;
  }
}
