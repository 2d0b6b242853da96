package org.ungis.registry.server.core;

/**
 * A version path segment: a positive int, or {@code latest} / {@code -1}.
 *
 * @param number the version, or {@code -1} for the latest
 */
public record VersionId(int number) {

  public static final VersionId LATEST = new VersionId(-1);

  public boolean isLatest() {
    return number == -1;
  }

  public static VersionId parse(String text) {
    String trimmed = text == null ? "" : text.trim();
    if ("latest".equalsIgnoreCase(trimmed)) {
      return LATEST;
    }
    try {
      int number = Integer.parseInt(trimmed);
      if (number == -1 || number > 0) {
        return new VersionId(number);
      }
    } catch (NumberFormatException notANumber) {
      // falls through to the refusal
    }
    throw new RegistryException(
        ErrorCode.INVALID_VERSION,
        "The specified version '"
            + text
            + "' is not a valid version id. Allowed values are between [1, 2^31-1] and the"
            + " string \"latest\"");
  }
}
