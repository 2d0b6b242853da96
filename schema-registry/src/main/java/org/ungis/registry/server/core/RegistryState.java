package org.ungis.registry.server.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.apache.avro.Schema;
import org.ungis.registry.server.core.LogEntry.ConfigSet;
import org.ungis.registry.server.core.LogEntry.EntryKey;
import org.ungis.registry.server.core.LogEntry.IdRetired;
import org.ungis.registry.server.core.LogEntry.ModeSet;
import org.ungis.registry.server.core.LogEntry.Removal;
import org.ungis.registry.server.core.LogEntry.SchemaClaim;
import org.ungis.registry.server.core.LogEntry.SubjectDeleted;
import org.ungis.registry.server.core.LogEntry.VersionDeleted;
import org.ungis.registry.server.core.LogEntry.VersionRef;

/**
 * The registry's state, built only by applying the log in order. The rules of {@link #apply} are
 * deterministic and insensitive to log compaction, so every instance that has read the same log
 * holds the same state. Thread-safe: the log reader applies, request threads query.
 */
public final class RegistryState {

  /** One version of a subject. */
  public record Version(int version, int id, String fingerprint, boolean deleted) {}

  /** A schema as stored. */
  public record StoredSchema(int id, String schemaType, String canonical, String fingerprint) {}

  private final Map<String, NavigableMap<Integer, Version>> subjects = new TreeMap<>();
  private final Map<Integer, StoredSchema> schemasById = new HashMap<>();
  private final Map<String, Integer> idsByFingerprint = new HashMap<>();
  private final Map<Integer, String> retiredIds = new HashMap<>();
  private final Set<EntryKey> liveLosers = new HashSet<>();
  private final Set<VersionRefOf> pendingDeletes = new HashSet<>();
  private final Set<String> subjectDeletionRecords = new HashSet<>();
  private final Map<String, CompatibilityLevel> subjectLevels = new HashMap<>();
  private final Map<String, Mode> subjectModes = new HashMap<>();
  private final Map<String, Schema> parsedByFingerprint = new HashMap<>();
  private CompatibilityLevel globalLevel;
  private Mode globalMode;
  private int maxId;

  private record VersionRefOf(String subject, int version, int id) {}

  /** Applies one log record. */
  public synchronized void apply(LogEntry entry) {
    if (entry instanceof SchemaClaim claim) {
      applyClaim(claim);
    } else if (entry instanceof VersionDeleted deleted) {
      markDeleted(deleted.subject(), deleted.version(), deleted.id());
    } else if (entry instanceof SubjectDeleted deleted) {
      subjectDeletionRecords.add(deleted.subject());
      for (VersionRef ref : deleted.versions()) {
        markDeleted(deleted.subject(), ref.version(), ref.id());
      }
    } else if (entry instanceof ConfigSet config) {
      if (config.subject() == null) {
        globalLevel = config.level();
      } else {
        subjectLevels.put(config.subject(), config.level());
      }
    } else if (entry instanceof ModeSet mode) {
      if (mode.subject() == null) {
        globalMode = mode.mode();
      } else {
        subjectModes.put(mode.subject(), mode.mode());
      }
    } else if (entry instanceof IdRetired retired) {
      retiredIds.put(retired.id(), retired.fingerprint());
      idsByFingerprint.putIfAbsent(retired.fingerprint(), retired.id());
      maxId = Math.max(maxId, retired.id());
    } else if (entry instanceof Removal removal) {
      applyRemoval(removal.key());
    }
  }

  private void applyClaim(SchemaClaim claim) {
    EntryKey key = claim.key();
    NavigableMap<Integer, Version> versions = subjects.get(claim.subject());
    Version taken = versions == null ? null : versions.get(claim.version());
    if (taken != null) {
      if (!(taken.id() == claim.id() && taken.fingerprint().equals(claim.fingerprint()))) {
        liveLosers.add(key);
      }
      return; // an identical claim is the same claim
    }
    Integer idOfSchema = idsByFingerprint.get(claim.fingerprint());
    StoredSchema holder = schemasById.get(claim.id());
    String retiredFingerprint = retiredIds.get(claim.id());
    boolean idTaken =
        (holder != null && !holder.fingerprint().equals(claim.fingerprint()))
            || (retiredFingerprint != null && !retiredFingerprint.equals(claim.fingerprint()));
    if ((idOfSchema != null && idOfSchema != claim.id()) || idTaken) {
      liveLosers.add(key);
      return;
    }
    boolean deleted =
        pendingDeletes.remove(new VersionRefOf(claim.subject(), claim.version(), claim.id()));
    subjects
        .computeIfAbsent(claim.subject(), s -> new TreeMap<>())
        .put(
            claim.version(),
            new Version(claim.version(), claim.id(), claim.fingerprint(), deleted));
    schemasById.putIfAbsent(
        claim.id(),
        new StoredSchema(claim.id(), claim.schemaType(), claim.schema(), claim.fingerprint()));
    idsByFingerprint.putIfAbsent(claim.fingerprint(), claim.id());
    maxId = Math.max(maxId, claim.id());
  }

  private void markDeleted(String subject, int version, int id) {
    NavigableMap<Integer, Version> versions = subjects.get(subject);
    Version current = versions == null ? null : versions.get(version);
    if (current != null && current.id() == id) {
      versions.put(version, new Version(version, id, current.fingerprint(), true));
    } else {
      pendingDeletes.add(new VersionRefOf(subject, version, id));
    }
  }

  private void applyRemoval(EntryKey key) {
    switch (key.kind()) {
      case CLAIM -> {
        if (liveLosers.remove(key)) {
          return;
        }
        NavigableMap<Integer, Version> versions = subjects.get(key.subject());
        Version current = versions == null ? null : versions.get(key.version());
        if (current != null
            && current.id() == key.id()
            && current.fingerprint().equals(key.fingerprint())) {
          versions.remove(key.version());
          if (versions.isEmpty()) {
            subjects.remove(key.subject());
          }
          forgetIdIfUnused(key.id());
        }
      }
      case VERSION_DELETED ->
          pendingDeletes.remove(new VersionRefOf(key.subject(), key.version(), key.id()));
      case SUBJECT_DELETED -> {
        subjectDeletionRecords.remove(key.subject());
        pendingDeletes.removeIf(ref -> ref.subject().equals(key.subject()));
      }
      case CONFIG -> {
        if (key.subject() == null) {
          globalLevel = null;
        } else {
          subjectLevels.remove(key.subject());
        }
      }
      case MODE -> {
        if (key.subject() == null) {
          globalMode = null;
        } else {
          subjectModes.remove(key.subject());
        }
      }
      case ID_RETIRED -> {
        // retired ids are never released
      }
    }
  }

  private void forgetIdIfUnused(int id) {
    for (NavigableMap<Integer, Version> versions : subjects.values()) {
      for (Version version : versions.values()) {
        if (version.id() == id) {
          return;
        }
      }
    }
    StoredSchema removed = schemasById.remove(id);
    if (removed != null && !retiredIds.containsKey(id)) {
      idsByFingerprint.remove(removed.fingerprint(), id);
    }
  }

  /** Runs a compound read on a consistent state. */
  public synchronized <T> T query(Function<RegistryState, T> read) {
    return read.apply(this);
  }

  /** Whether this claim holds its subject-version (it won, or an identical claim did). */
  public synchronized boolean holds(SchemaClaim claim) {
    NavigableMap<Integer, Version> versions = subjects.get(claim.subject());
    Version current = versions == null ? null : versions.get(claim.version());
    return current != null
        && current.id() == claim.id()
        && current.fingerprint().equals(claim.fingerprint());
  }

  /** Whether a subject-deletion record of this subject is live in the log. */
  synchronized boolean hasSubjectDeletionRecord(String subject) {
    return subjectDeletionRecords.contains(subject);
  }

  /** Losing claims not yet removed from the log. */
  public synchronized List<EntryKey> liveLosers() {
    return List.copyOf(liveLosers);
  }

  /** Losing claims of one subject not yet removed from the log. */
  synchronized List<EntryKey> liveLosers(String subject) {
    return liveLosers.stream().filter(key -> key.subject().equals(subject)).toList();
  }

  /** Versions of a subject, oldest first, optionally with the soft-deleted ones. */
  public synchronized List<Version> versions(String subject, boolean includeDeleted) {
    NavigableMap<Integer, Version> versions = subjects.get(subject);
    if (versions == null) {
      return List.of();
    }
    return versions.values().stream().filter(v -> includeDeleted || !v.deleted()).toList();
  }

  /** Subjects with at least one version (live, or also soft-deleted), sorted. */
  public synchronized List<String> subjects(boolean includeDeleted) {
    List<String> names = new ArrayList<>();
    subjects.forEach(
        (name, versions) -> {
          if (includeDeleted || versions.values().stream().anyMatch(v -> !v.deleted())) {
            names.add(name);
          }
        });
    return names;
  }

  public synchronized Optional<StoredSchema> schema(int id) {
    return Optional.ofNullable(schemasById.get(id));
  }

  /** The id the schema has or had, if any. */
  public synchronized Optional<Integer> idOf(String fingerprint) {
    return Optional.ofNullable(idsByFingerprint.get(fingerprint));
  }

  public synchronized int nextId() {
    return maxId + 1;
  }

  /** Subject-version pairs holding a schema id. */
  public synchronized List<Map.Entry<String, Version>> usesOf(int id, boolean includeDeleted) {
    List<Map.Entry<String, Version>> uses = new ArrayList<>();
    subjects.forEach(
        (subject, versions) ->
            versions.values().stream()
                .filter(v -> v.id() == id && (includeDeleted || !v.deleted()))
                .forEach(v -> uses.add(Map.entry(subject, v))));
    return uses;
  }

  public synchronized Optional<CompatibilityLevel> subjectLevel(String subject) {
    return Optional.ofNullable(subjectLevels.get(subject));
  }

  public synchronized Optional<CompatibilityLevel> globalLevel() {
    return Optional.ofNullable(globalLevel);
  }

  public synchronized Optional<Mode> subjectMode(String subject) {
    return Optional.ofNullable(subjectModes.get(subject));
  }

  public synchronized Optional<Mode> globalMode() {
    return Optional.ofNullable(globalMode);
  }

  /** The parsed Avro schema of a stored one (cached). */
  public synchronized Schema parsed(StoredSchema stored) {
    return parsedByFingerprint.computeIfAbsent(
        stored.fingerprint(), fp -> ParsedSchema.ofStored(stored.canonical()).schema());
  }
}
