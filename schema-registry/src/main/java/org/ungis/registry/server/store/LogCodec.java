package org.ungis.registry.server.store;

import java.util.ArrayList;
import java.util.List;
import org.ungis.registry.server.core.CompatibilityLevel;
import org.ungis.registry.server.core.LogEntry;
import org.ungis.registry.server.core.LogEntry.ConfigSet;
import org.ungis.registry.server.core.LogEntry.EntryKey;
import org.ungis.registry.server.core.LogEntry.IdRetired;
import org.ungis.registry.server.core.LogEntry.Kind;
import org.ungis.registry.server.core.LogEntry.ModeSet;
import org.ungis.registry.server.core.LogEntry.Removal;
import org.ungis.registry.server.core.LogEntry.SchemaClaim;
import org.ungis.registry.server.core.LogEntry.SubjectDeleted;
import org.ungis.registry.server.core.LogEntry.VersionDeleted;
import org.ungis.registry.server.core.LogEntry.VersionRef;
import org.ungis.registry.server.core.Mode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON keys and values of the log topic. Keys are written field by field in a fixed order, so the
 * same key is always the same bytes (compaction compares bytes). A null value is a tombstone.
 */
final class LogCodec {

  static final int FORMAT = 1;

  private final JsonMapper mapper = JsonMapper.builder().build();

  byte[] key(EntryKey key) {
    ObjectNode node = mapper.createObjectNode();
    node.put("keytype", key.kind().name());
    if (key.subject() != null) {
      node.put("subject", key.subject());
    }
    if (key.version() > 0) {
      node.put("version", key.version());
    }
    if (key.id() > 0) {
      node.put("id", key.id());
    }
    if (key.fingerprint() != null) {
      node.put("fingerprint", key.fingerprint());
    }
    node.put("format", FORMAT);
    return mapper.writeValueAsBytes(node);
  }

  byte[] value(LogEntry entry) {
    ObjectNode node = mapper.createObjectNode();
    if (entry instanceof SchemaClaim claim) {
      node.put("subject", claim.subject());
      node.put("version", claim.version());
      node.put("id", claim.id());
      node.put("schemaType", claim.schemaType());
      node.put("schema", claim.schema());
    } else if (entry instanceof VersionDeleted deleted) {
      node.put("deleted", true);
    } else if (entry instanceof SubjectDeleted deleted) {
      ArrayNode versions = node.putArray("versions");
      for (VersionRef ref : deleted.versions()) {
        versions.addObject().put("version", ref.version()).put("id", ref.id());
      }
    } else if (entry instanceof ConfigSet config) {
      node.put("compatibilityLevel", config.level().name());
    } else if (entry instanceof ModeSet mode) {
      node.put("mode", mode.mode().name());
    } else if (entry instanceof IdRetired retired) {
      node.put("fingerprint", retired.fingerprint());
    } else {
      return null;
    }
    return mapper.writeValueAsBytes(node);
  }

  LogEntry decode(byte[] keyBytes, byte[] valueBytes) {
    JsonNode keyNode = mapper.readTree(keyBytes);
    Kind kind = Kind.valueOf(keyNode.path("keytype").asString());
    String subject = keyNode.has("subject") ? keyNode.get("subject").asString() : null;
    EntryKey key =
        new EntryKey(
            kind,
            subject,
            keyNode.path("version").asInt(0),
            keyNode.path("id").asInt(0),
            keyNode.has("fingerprint") ? keyNode.get("fingerprint").asString() : null);
    if (valueBytes == null) {
      return new Removal(key);
    }
    JsonNode value = mapper.readTree(valueBytes);
    return switch (kind) {
      case CLAIM ->
          new SchemaClaim(
              subject,
              key.version(),
              key.id(),
              value.path("schemaType").asString("AVRO"),
              value.path("schema").asString(),
              key.fingerprint());
      case VERSION_DELETED -> new VersionDeleted(subject, key.version(), key.id());
      case SUBJECT_DELETED -> {
        List<VersionRef> refs = new ArrayList<>();
        for (JsonNode ref : value.path("versions")) {
          refs.add(new VersionRef(ref.path("version").asInt(), ref.path("id").asInt()));
        }
        yield new SubjectDeleted(subject, refs);
      }
      case CONFIG ->
          new ConfigSet(
              subject, CompatibilityLevel.valueOf(value.path("compatibilityLevel").asString()));
      case MODE -> new ModeSet(subject, Mode.valueOf(value.path("mode").asString()));
      case ID_RETIRED -> new IdRetired(key.id(), value.path("fingerprint").asString());
    };
  }
}
