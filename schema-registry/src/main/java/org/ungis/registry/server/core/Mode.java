package org.ungis.registry.server.core;

import java.util.Locale;

/** The registry modes of the Confluent API. */
public enum Mode {
  READWRITE,
  READONLY,
  READONLY_OVERRIDE,
  IMPORT;

  public boolean refusesWrites() {
    return this == READONLY || this == READONLY_OVERRIDE;
  }

  public static Mode parse(String text) {
    if (text != null) {
      for (Mode mode : values()) {
        if (mode.name().equals(text.trim().toUpperCase(Locale.ROOT))) {
          return mode;
        }
      }
    }
    throw new RegistryException(
        ErrorCode.INVALID_MODE,
        "Invalid mode. Valid values are READWRITE, READONLY, READONLY_OVERRIDE and IMPORT.");
  }
}
