package org.ungis.review.web;

/** A request field the web layer could not read (a malformed instant, an unknown enum value). */
public class BadRequestException extends RuntimeException {
  private final String field;

  BadRequestException(String field, String message) {
    super(message);
    this.field = field;
  }

  String field() {
    return field;
  }

  public static java.time.Instant instant(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(
          field, "is required (an ISO-8601 instant, e.g. 2023-03-31T23:59:59Z)");
    }
    try {
      return java.time.Instant.parse(value.strip());
    } catch (java.time.format.DateTimeParseException e) {
      throw new BadRequestException(
          field, "must be an ISO-8601 instant, e.g. 2023-03-31T23:59:59Z");
    }
  }

  public static <E extends Enum<E>> E oneOf(String field, Class<E> type, String value) {
    if (value == null || value.isBlank()) {
      throw new BadRequestException(
          field, "is required, one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(java.util.Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(
          field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
    }
  }
}
