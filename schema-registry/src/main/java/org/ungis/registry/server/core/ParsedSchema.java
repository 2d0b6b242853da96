package org.ungis.registry.server.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.avro.Schema;

/**
 * An Avro schema as the registry keeps it: its canonical text (Avro's own compact JSON, so two
 * texts that differ only in whitespace or layout are the same schema) and a fingerprint of that
 * text.
 *
 * @param schema the parsed schema
 * @param canonical the canonical text, served back by the API
 * @param fingerprint SHA-256 of the canonical text, hex
 */
public record ParsedSchema(Schema schema, String canonical, String fingerprint) {

  public static final String AVRO = "AVRO";

  /**
   * Parses schema text; refuses empty or invalid text with 42201.
   *
   * @param text the schema text from a request
   * @param normalize whether the caller asked for normalization; Avro's canonical text already
   *     normalizes layout and property order, so both forms are the same
   */
  public static ParsedSchema parse(String text, boolean normalize) {
    if (text == null || text.isBlank()) {
      throw RegistryException.invalidSchema("Empty schema");
    }
    Schema schema;
    try {
      schema = new Schema.Parser().parse(text);
    } catch (RuntimeException invalid) {
      throw RegistryException.invalidSchema(
          "Invalid schema " + abbreviate(text) + ": " + reason(invalid));
    }
    String canonical = schema.toString();
    return new ParsedSchema(schema, canonical, fingerprint(canonical));
  }

  /** Parses text the registry stored itself (already canonical). */
  static ParsedSchema ofStored(String canonical) {
    return new ParsedSchema(
        new Schema.Parser().parse(canonical), canonical, fingerprint(canonical));
  }

  static String fingerprint(String canonical) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(canonical.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException(impossible);
    }
  }

  /** The parser's reason, without exception class names or parser source locations. */
  private static String reason(RuntimeException invalid) {
    String message = String.valueOf(invalid.getMessage());
    int exceptionName = message.lastIndexOf("Exception: ");
    if (exceptionName >= 0) {
      message = message.substring(exceptionName + "Exception: ".length());
    }
    int location = message.indexOf("[Source");
    if (location >= 0) {
      message = message.substring(0, location).replaceAll("(\\(start marker)?\\s*at\\s*$", "");
    }
    return message.strip();
  }

  private static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
