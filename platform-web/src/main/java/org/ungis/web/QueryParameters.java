package org.ungis.web;

import java.util.Arrays;
import java.util.Locale;

/**
 * Reads the value of one query parameter, or refuses it with {@link InvalidParameterException}. A
 * parameter that is absent or blank means "no filter" (null); anything else must be valid.
 */
public final class QueryParameters {

  private QueryParameters() {}

  /** One of an enum's constants, case-insensitive; null when absent. */
  public static <E extends Enum<E>> E oneOf(String name, Class<E> type, String value) {
    if (isAbsent(value)) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw InvalidParameterException.invalid(
          name, "must be one of " + Arrays.toString(type.getEnumConstants()));
    }
  }

  /** A whole number from {@code min} to {@code max}; null when absent. */
  public static Integer integer(String name, String value, int min, int max) {
    if (isAbsent(value)) {
      return null;
    }
    int number;
    try {
      number = Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw InvalidParameterException.invalid(name, "must be a whole number");
    }
    if (number < min || number > max) {
      throw InvalidParameterException.invalid(
          name,
          max == Integer.MAX_VALUE
              ? "must be " + min + " or more"
              : "must be between " + min + " and " + max);
    }
    return number;
  }

  /** Free text of at most {@code maxLength} characters, stripped; null when absent. */
  public static String text(String name, String value, int maxLength) {
    if (isAbsent(value)) {
      return null;
    }
    String text = value.strip();
    if (text.length() > maxLength) {
      throw InvalidParameterException.invalid(name, "must be at most " + maxLength + " characters");
    }
    return text;
  }

  /** An agency code (upper-case letters, digits and dashes), upper-cased; null when absent. */
  public static String code(String name, String value) {
    String text = text(name, value, 64);
    if (text == null) {
      return null;
    }
    if (!text.matches("[A-Za-z0-9-]+")) {
      throw InvalidParameterException.invalid(name, "must be an agency code such as ITU");
    }
    return text.toUpperCase(Locale.ROOT);
  }

  private static boolean isAbsent(String value) {
    return value == null || value.isBlank();
  }
}
