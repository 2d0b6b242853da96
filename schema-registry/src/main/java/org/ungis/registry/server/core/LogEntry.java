package org.ungis.registry.server.core;

import java.util.List;

/**
 * One record of the registry log. Every instance applies the log in order with the same
 * deterministic rules ({@link RegistryState#apply}), so every instance reaches the same state. Keys
 * are chosen so that log compaction never changes the outcome of a replay: a claim's key names the
 * exact subject, version, id and schema, so two different claims never share a key.
 */
public sealed interface LogEntry {

  EntryKey key();

  /** What a record is about; compaction keeps the last record per key. */
  enum Kind {
    CLAIM,
    VERSION_DELETED,
    SUBJECT_DELETED,
    CONFIG,
    MODE,
    ID_RETIRED
  }

  /**
   * The identity of a record.
   *
   * @param kind the kind
   * @param subject the subject, or null (global config and mode, retired ids)
   * @param version the version, or 0
   * @param id the schema id, or 0
   * @param fingerprint the schema fingerprint (claims only), or null
   */
  record EntryKey(Kind kind, String subject, int version, int id, String fingerprint) {

    static EntryKey claim(String subject, int version, int id, String fingerprint) {
      return new EntryKey(Kind.CLAIM, subject, version, id, fingerprint);
    }

    static EntryKey versionDeleted(String subject, int version, int id) {
      return new EntryKey(Kind.VERSION_DELETED, subject, version, id, null);
    }

    static EntryKey subjectDeleted(String subject) {
      return new EntryKey(Kind.SUBJECT_DELETED, subject, 0, 0, null);
    }

    static EntryKey config(String subject) {
      return new EntryKey(Kind.CONFIG, subject, 0, 0, null);
    }

    static EntryKey mode(String subject) {
      return new EntryKey(Kind.MODE, subject, 0, 0, null);
    }

    static EntryKey idRetired(int id) {
      return new EntryKey(Kind.ID_RETIRED, null, 0, id, null);
    }
  }

  /**
   * A claim: "this subject's version {@code version} is schema {@code id}". The first claim in log
   * order for a free subject-version wins, unless it contradicts the id already given to the schema
   * or the schema already given to the id; a later claim for a taken slot loses.
   */
  record SchemaClaim(
      String subject, int version, int id, String schemaType, String schema, String fingerprint)
      implements LogEntry {
    @Override
    public EntryKey key() {
      return EntryKey.claim(subject, version, id, fingerprint);
    }
  }

  /** A soft delete of one version. */
  record VersionDeleted(String subject, int version, int id) implements LogEntry {
    @Override
    public EntryKey key() {
      return EntryKey.versionDeleted(subject, version, id);
    }
  }

  /** A soft delete of a whole subject: every version it lists, in one record. */
  record SubjectDeleted(String subject, List<VersionRef> versions) implements LogEntry {
    public SubjectDeleted {
      versions = List.copyOf(versions);
    }

    @Override
    public EntryKey key() {
      return EntryKey.subjectDeleted(subject);
    }
  }

  /** A subject's version and the id it holds. */
  record VersionRef(int version, int id) {}

  /** A compatibility level for a subject, or the global one when {@code subject} is null. */
  record ConfigSet(String subject, CompatibilityLevel level) implements LogEntry {
    @Override
    public EntryKey key() {
      return EntryKey.config(subject);
    }
  }

  /** A mode for a subject, or the global one when {@code subject} is null. */
  record ModeSet(String subject, Mode mode) implements LogEntry {
    @Override
    public EntryKey key() {
      return EntryKey.mode(subject);
    }
  }

  /**
   * Written before a schema id's last version is removed for good: the id stays bound to its
   * schema, so it is never handed to another schema, even after compaction.
   */
  record IdRetired(int id, String fingerprint) implements LogEntry {
    @Override
    public EntryKey key() {
      return EntryKey.idRetired(id);
    }
  }

  /** A tombstone: the record with this key is gone. */
  record Removal(EntryKey key) implements LogEntry {}
}
