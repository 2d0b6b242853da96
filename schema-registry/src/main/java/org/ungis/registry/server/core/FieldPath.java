package org.ungis.registry.server.core;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/** Turns an Avro compatibility location ({@code /fields/1/type/...}) into a dotted field path. */
final class FieldPath {

  private FieldPath() {}

  static String resolve(Schema root, String location) {
    if (location == null || location.isEmpty() || "/".equals(location)) {
      return "";
    }
    String[] tokens = location.substring(1).split("/");
    List<String> names = new ArrayList<>();
    Schema current = root;
    try {
      for (int i = 0; i < tokens.length && current != null; i++) {
        String token = tokens[i];
        if ("fields".equals(token)
            && current.getType() == Schema.Type.RECORD
            && i + 1 < tokens.length) {
          Schema.Field field = current.getFields().get(Integer.parseInt(tokens[++i]));
          names.add(field.name());
          current = field.schema();
        } else if ("type".equals(token)) {
          continue;
        } else if ("items".equals(token) && current.getType() == Schema.Type.ARRAY) {
          current = current.getElementType();
        } else if ("values".equals(token) && current.getType() == Schema.Type.MAP) {
          current = current.getValueType();
        } else if (current.getType() == Schema.Type.UNION
            && token.chars().allMatch(Character::isDigit)) {
          current = current.getTypes().get(Integer.parseInt(token));
        } else {
          break;
        }
      }
    } catch (RuntimeException unexpectedShape) {
      // keep what was resolved so far
    }
    return String.join(".", names);
  }
}
