package org.ungis.benchmarks;

import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Reads a {@code Server-Timing} header (W3C Server Timing): metrics separated by commas, each a
 * name and parameters after semicolons, e.g. {@code app;dur=12.3, db;dur=4;desc="query"}.
 */
final class ServerTiming {

  static final String HEADER = "Server-Timing";

  private ServerTiming() {}

  /** The {@code dur} (milliseconds) of the metric {@code name}, if the header has it. */
  static OptionalDouble duration(String header, String name) {
    if (header == null) {
      return OptionalDouble.empty();
    }
    for (String metric : header.split(",")) {
      String[] parts = metric.split(";");
      if (!parts[0].trim().equalsIgnoreCase(name)) {
        continue;
      }
      for (int i = 1; i < parts.length; i++) {
        String parameter = parts[i].trim();
        int equals = parameter.indexOf('=');
        if (equals > 0
            && parameter.substring(0, equals).trim().toLowerCase(Locale.ROOT).equals("dur")) {
          String value = parameter.substring(equals + 1).trim().replace("\"", "");
          try {
            return OptionalDouble.of(Double.parseDouble(value));
          } catch (NumberFormatException notANumber) {
            return OptionalDouble.empty();
          }
        }
      }
    }
    return OptionalDouble.empty();
  }
}
