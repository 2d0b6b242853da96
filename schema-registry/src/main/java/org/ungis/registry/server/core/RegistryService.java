package org.ungis.registry.server.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.ungis.registry.server.core.CompatibilityChecker.Earlier;
import org.ungis.registry.server.core.LogEntry.ConfigSet;
import org.ungis.registry.server.core.LogEntry.EntryKey;
import org.ungis.registry.server.core.LogEntry.IdRetired;
import org.ungis.registry.server.core.LogEntry.ModeSet;
import org.ungis.registry.server.core.LogEntry.Removal;
import org.ungis.registry.server.core.LogEntry.SchemaClaim;
import org.ungis.registry.server.core.LogEntry.SubjectDeleted;
import org.ungis.registry.server.core.LogEntry.VersionDeleted;
import org.ungis.registry.server.core.LogEntry.VersionRef;
import org.ungis.registry.server.core.RegistryState.StoredSchema;
import org.ungis.registry.server.core.RegistryState.Version;

/**
 * The registry's use cases: reads answer from the local state; writes append to the log and return
 * once the result is read back.
 */
public final class RegistryService {

  private static final Logger LOG = LoggerFactory.getLogger(RegistryService.class);
  private static final int MAX_CLAIM_ATTEMPTS = 20;

  private final RegistryState state;
  private final SchemaLog log;
  private final CompatibilityLevel defaultLevel;
  private final Object writeLock = new Object();

  public RegistryService(RegistryState state, SchemaLog log, CompatibilityLevel defaultLevel) {
    this.state = state;
    this.log = log;
    this.defaultLevel = defaultLevel;
  }

  /** The result of a registration. */
  public record Registered(int id, int version) {}

  /** A registration request. {@code id}/{@code version} are only honoured in IMPORT mode. */
  public record Registration(
      String schema, String schemaType, Integer id, Integer version, boolean normalize) {}

  // ---------------------------------------------------------------- registration

  public Registered register(String subject, Registration request) {
    requireAvro(request.schemaType());
    ParsedSchema parsed = ParsedSchema.parse(request.schema(), request.normalize());
    Mode mode = effectiveMode(subject);
    if (mode.refusesWrites()) {
      throw readOnly(subject);
    }
    if (mode != Mode.IMPORT && (request.id() != null && request.id() >= 0)) {
      throw new RegistryException(
          ErrorCode.OPERATION_NOT_PERMITTED,
          "Subject " + subject + " is not in import mode; a schema id cannot be given");
    }
    synchronized (writeLock) {
      for (int attempt = 0; attempt < MAX_CLAIM_ATTEMPTS; attempt++) {
        Object plan = state.query(st -> plan(st, subject, parsed, request, mode));
        if (plan instanceof Registered existing) {
          return existing;
        }
        SchemaClaim claim = (SchemaClaim) plan;
        log.append(List.of(claim));
        if (state.holds(claim)) {
          return new Registered(claim.id(), claim.version());
        }
        LOG.info(
            "Claim for {} version {} (id {}) lost to a concurrent registration; retrying",
            subject,
            claim.version(),
            claim.id());
        log.append(List.of(new Removal(claim.key()))); // clean up the losing claim
      }
    }
    throw new RegistryException(
        ErrorCode.STORE_ERROR,
        "Could not register the schema under subject '" + subject + "': too much contention");
  }

  private Object plan(
      RegistryState st, String subject, ParsedSchema parsed, Registration request, Mode mode) {
    List<Version> live = st.versions(subject, false);
    for (Version version : live) {
      if (version.fingerprint().equals(parsed.fingerprint())) {
        return new Registered(version.id(), version.version());
      }
    }
    if (mode != Mode.IMPORT) {
      List<String> problems =
          CompatibilityChecker.check(
              effectiveLevel(st, subject), parsed.schema(), earlier(st, live));
      if (!problems.isEmpty()) {
        throw new RegistryException(
            ErrorCode.INCOMPATIBLE_SCHEMA,
            "Schema being registered is incompatible with an earlier schema for subject \""
                + subject
                + "\", details: ["
                + String.join(", ", problems)
                + "]");
      }
    }
    int id;
    Optional<Integer> known = st.idOf(parsed.fingerprint());
    if (request.id() != null && request.id() > 0) {
      id = request.id();
      if (known.isPresent() && known.get() != id) {
        throw new RegistryException(
            ErrorCode.OPERATION_NOT_PERMITTED,
            "Schema already registered with id " + known.get() + " instead of input id " + id);
      }
      Optional<StoredSchema> holder = st.schema(id);
      if (holder.isPresent() && !holder.get().fingerprint().equals(parsed.fingerprint())) {
        throw new RegistryException(
            ErrorCode.OPERATION_NOT_PERMITTED,
            "Overwrite new schema with id " + id + " is not permitted.");
      }
    } else {
      id = known.orElseGet(st::nextId);
    }
    List<Version> all = st.versions(subject, true);
    int version;
    if (request.version() != null && request.version() > 0 && mode == Mode.IMPORT) {
      version = request.version();
      if (all.stream().anyMatch(v -> v.version() == version)) {
        throw new RegistryException(
            ErrorCode.OPERATION_NOT_PERMITTED,
            "Version " + version + " of subject " + subject + " is taken.");
      }
    } else {
      version = all.isEmpty() ? 1 : all.get(all.size() - 1).version() + 1;
    }
    return new SchemaClaim(
        subject, version, id, ParsedSchema.AVRO, parsed.canonical(), parsed.fingerprint());
  }

  private static List<Earlier> earlier(RegistryState st, List<Version> live) {
    List<Earlier> earlier = new ArrayList<>();
    for (Version version : live) {
      StoredSchema stored = st.schema(version.id()).orElseThrow();
      earlier.add(new Earlier(version.version(), st.parsed(stored)));
    }
    return earlier;
  }

  // ---------------------------------------------------------------- reads

  /** {@code POST /subjects/{s}}: is this schema registered under the subject? */
  public SchemaView lookup(
      String subject, String schemaText, String schemaType, boolean normalize, boolean deleted) {
    requireAvro(schemaType);
    List<Version> versions = state.versions(subject, deleted);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    ParsedSchema parsed = ParsedSchema.parse(schemaText, normalize);
    return versions.stream()
        .filter(v -> v.fingerprint().equals(parsed.fingerprint()))
        .reduce((first, second) -> second)
        .map(v -> view(subject, v))
        .orElseThrow(() -> RegistryException.schemaNotFound("Schema not found"));
  }

  public SchemaView version(String subject, String versionText, boolean deleted) {
    VersionId versionId = VersionId.parse(versionText);
    List<Version> versions = state.versions(subject, deleted);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    Version found =
        versionId.isLatest()
            ? versions.get(versions.size() - 1)
            : versions.stream()
                .filter(v -> v.version() == versionId.number())
                .findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(versionId.number()));
    return view(subject, found);
  }

  public List<Integer> versions(String subject, boolean deleted) {
    List<Version> versions = state.versions(subject, deleted);
    if (versions.isEmpty()) {
      throw RegistryException.subjectNotFound(subject);
    }
    return versions.stream().map(Version::version).toList();
  }

  public List<String> subjects(String prefix, boolean deleted) {
    return state.subjects(deleted).stream()
        .filter(name -> prefix == null || name.startsWith(prefix))
        .toList();
  }

  public StoredSchema schemaById(int id) {
    return state.schema(id).orElseThrow(() -> schemaNotFound(id));
  }

  /** Subject-version pairs using a schema id, sorted by subject and version. */
  public List<Map.Entry<String, Integer>> versionsOfId(int id, boolean deleted) {
    schemaById(id);
    return state.usesOf(id, deleted).stream()
        .map(use -> Map.entry(use.getKey(), use.getValue().version()))
        .sorted(
            Comparator.comparing(Map.Entry<String, Integer>::getKey)
                .thenComparing(Map.Entry::getValue))
        .toList();
  }

  public List<String> subjectsOfId(int id, boolean deleted) {
    return versionsOfId(id, deleted).stream().map(Map.Entry::getKey).distinct().toList();
  }

  private static RegistryException schemaNotFound(int id) {
    return RegistryException.schemaNotFound("Schema " + id + " not found");
  }

  private SchemaView view(String subject, Version version) {
    StoredSchema stored =
        state.schema(version.id()).orElseThrow(() -> schemaNotFound(version.id()));
    return new SchemaView(
        subject, version.version(), version.id(), stored.schemaType(), stored.canonical());
  }

  // ---------------------------------------------------------------- deletion

  /** Soft or permanent delete of a subject; returns the versions deleted. */
  public List<Integer> deleteSubject(String subject, boolean permanent) {
    if (effectiveMode(subject).refusesWrites()) {
      throw readOnly(subject);
    }
    synchronized (writeLock) {
      List<Version> all = state.versions(subject, true);
      if (all.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      List<Version> live = all.stream().filter(v -> !v.deleted()).toList();
      if (!permanent) {
        if (live.isEmpty()) {
          throw new RegistryException(
              ErrorCode.SUBJECT_SOFT_DELETED,
              "Subject '"
                  + subject
                  + "' was soft deleted. Set permanent=true to delete permanently");
        }
        log.append(
            List.of(
                new SubjectDeleted(
                    subject, all.stream().map(v -> new VersionRef(v.version(), v.id())).toList())));
        return live.stream().map(Version::version).toList();
      }
      if (!live.isEmpty()) {
        throw new RegistryException(
            ErrorCode.SUBJECT_NOT_SOFT_DELETED,
            "Subject '" + subject + "' was not deleted first before being permanently deleted");
      }
      List<LogEntry> entries = new ArrayList<>();
      for (Version version : all) {
        entries.add(new IdRetired(version.id(), version.fingerprint()));
      }
      for (Version version : all) {
        entries.add(new Removal(EntryKey.versionDeleted(subject, version.version(), version.id())));
      }
      entries.add(new Removal(EntryKey.subjectDeleted(subject)));
      for (Version version : all) {
        entries.add(
            new Removal(
                EntryKey.claim(subject, version.version(), version.id(), version.fingerprint())));
      }
      for (EntryKey loser : state.liveLosers(subject)) {
        entries.add(new Removal(loser));
      }
      if (state.subjectLevel(subject).isPresent()) {
        entries.add(new Removal(EntryKey.config(subject)));
      }
      if (state.subjectMode(subject).isPresent()) {
        entries.add(new Removal(EntryKey.mode(subject)));
      }
      log.append(entries);
      return all.stream().map(Version::version).toList();
    }
  }

  /** Soft or permanent delete of one version; returns the version number. */
  public int deleteVersion(String subject, String versionText, boolean permanent) {
    VersionId versionId = VersionId.parse(versionText);
    if (effectiveMode(subject).refusesWrites()) {
      throw readOnly(subject);
    }
    synchronized (writeLock) {
      List<Version> all = state.versions(subject, true);
      if (all.isEmpty()) {
        throw RegistryException.subjectNotFound(subject);
      }
      Version target;
      if (versionId.isLatest()) {
        List<Version> candidates =
            permanent ? all : all.stream().filter(v -> !v.deleted()).toList();
        if (candidates.isEmpty()) {
          throw RegistryException.subjectNotFound(subject);
        }
        target = candidates.get(candidates.size() - 1);
      } else {
        target =
            all.stream()
                .filter(v -> v.version() == versionId.number())
                .findFirst()
                .orElseThrow(() -> RegistryException.versionNotFound(versionId.number()));
      }
      if (!permanent) {
        if (target.deleted()) {
          throw new RegistryException(
              ErrorCode.VERSION_SOFT_DELETED,
              "Subject '"
                  + subject
                  + "' Version "
                  + target.version()
                  + " was soft deleted. Set permanent=true to delete permanently");
        }
        log.append(List.of(new VersionDeleted(subject, target.version(), target.id())));
        return target.version();
      }
      if (!target.deleted()) {
        throw new RegistryException(
            ErrorCode.VERSION_NOT_SOFT_DELETED,
            "Subject '"
                + subject
                + "' Version "
                + target.version()
                + " was not deleted first before being permanently deleted");
      }
      List<LogEntry> entries = new ArrayList<>();
      entries.add(new IdRetired(target.id(), target.fingerprint()));
      if (state.hasSubjectDeletionRecord(subject)) {
        // rewrite the subject's deletion record without this version, so that after compaction
        // it cannot mark a later re-registration of the same schema at this version as deleted
        List<VersionRef> stillDeleted =
            all.stream()
                .filter(v -> v.deleted() && v.version() != target.version())
                .map(v -> new VersionRef(v.version(), v.id()))
                .toList();
        entries.add(
            stillDeleted.isEmpty()
                ? new Removal(EntryKey.subjectDeleted(subject))
                : new SubjectDeleted(subject, stillDeleted));
      }
      entries.add(new Removal(EntryKey.versionDeleted(subject, target.version(), target.id())));
      entries.add(
          new Removal(
              EntryKey.claim(subject, target.version(), target.id(), target.fingerprint())));
      for (EntryKey loser : state.liveLosers(subject)) {
        if (loser.version() == target.version()) {
          entries.add(new Removal(loser));
        }
      }
      log.append(entries);
      return target.version();
    }
  }

  private Set<EntryKey> losersSeenBefore = Set.of();

  /**
   * Removes losing claims that were already there at the previous call: their writers had time to
   * remove them and did not (they crashed). Run periodically by every instance.
   */
  public synchronized void removeStaleLosers() {
    List<EntryKey> current = state.liveLosers();
    List<EntryKey> stale = current.stream().filter(losersSeenBefore::contains).toList();
    if (!stale.isEmpty()) {
      log.append(stale.stream().<LogEntry>map(Removal::new).toList());
    }
    Set<EntryKey> next = new HashSet<>(current);
    stale.forEach(next::remove);
    losersSeenBefore = next;
  }

  /** Removes losing claims a crashed writer left behind (run once the log has been read). */
  public void removeLeftoverLosers() {
    List<EntryKey> losers = state.liveLosers();
    if (!losers.isEmpty()) {
      log.append(losers.stream().<LogEntry>map(Removal::new).toList());
    }
  }

  // ---------------------------------------------------------------- compatibility

  /** Checks a schema against one version ({@code latest} allowed) under the subject's level. */
  public List<String> checkAgainstVersion(
      String subject, String versionText, String schemaText, String schemaType, boolean verbose) {
    VersionId versionId = VersionId.parse(versionText);
    requireAvro(schemaType);
    return state.query(
        st -> {
          List<Version> live = st.versions(subject, false);
          List<Version> against;
          if (versionId.isLatest()) {
            against = live.isEmpty() ? List.of() : List.of(live.get(live.size() - 1));
          } else {
            against =
                List.of(
                    live.stream()
                        .filter(v -> v.version() == versionId.number())
                        .findFirst()
                        .orElseThrow(() -> RegistryException.versionNotFound(versionId.number())));
          }
          return check(st, subject, schemaText, against, verbose);
        });
  }

  /** Checks a schema against the subject's live versions as a registration would. */
  public List<String> checkAgainstAll(
      String subject, String schemaText, String schemaType, boolean verbose) {
    requireAvro(schemaType);
    return state.query(st -> check(st, subject, schemaText, st.versions(subject, false), verbose));
  }

  private List<String> check(
      RegistryState st, String subject, String schemaText, List<Version> against, boolean verbose) {
    ParsedSchema parsed;
    try {
      parsed = ParsedSchema.parse(schemaText, false);
    } catch (RegistryException invalid) {
      if (verbose) {
        return List.of(invalid.getMessage());
      }
      throw invalid;
    }
    return CompatibilityChecker.check(
        effectiveLevel(st, subject), parsed.schema(), earlier(st, against));
  }

  // ---------------------------------------------------------------- config and mode

  public CompatibilityLevel globalLevel() {
    return state.globalLevel().orElse(defaultLevel);
  }

  public CompatibilityLevel subjectLevel(String subject, boolean defaultToGlobal) {
    Optional<CompatibilityLevel> level = state.subjectLevel(subject);
    if (level.isPresent()) {
      return level.get();
    }
    if (defaultToGlobal) {
      return globalLevel();
    }
    throw new RegistryException(
        ErrorCode.SUBJECT_COMPATIBILITY_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level compatibility configured");
  }

  /** Sets the level of a subject, or the global one when {@code subject} is null. */
  public CompatibilityLevel setLevel(String subject, String levelText) {
    CompatibilityLevel level = CompatibilityLevel.parse(levelText);
    log.append(List.of(new ConfigSet(subject, level)));
    return level;
  }

  /** Deletes a subject's level (or resets the global one); returns the level it had. */
  public CompatibilityLevel deleteLevel(String subject) {
    CompatibilityLevel previous = subject == null ? globalLevel() : subjectLevel(subject, false);
    log.append(List.of(new Removal(EntryKey.config(subject))));
    return previous;
  }

  public Mode globalMode() {
    return state.globalMode().orElse(Mode.READWRITE);
  }

  public Mode subjectMode(String subject, boolean defaultToGlobal) {
    Optional<Mode> mode = state.subjectMode(subject);
    if (mode.isPresent()) {
      return mode.get();
    }
    if (defaultToGlobal) {
      return globalMode();
    }
    throw new RegistryException(
        ErrorCode.SUBJECT_MODE_NOT_CONFIGURED,
        "Subject '" + subject + "' does not have subject-level mode configured");
  }

  /** Sets a subject's mode, or the global one when {@code subject} is null. */
  public Mode setMode(String subject, String modeText, boolean force) {
    Mode mode = Mode.parse(modeText);
    if (mode == Mode.IMPORT && !force) {
      boolean hasSchemas =
          subject == null
              ? !state.subjects(true).isEmpty()
              : !state.versions(subject, true).isEmpty();
      if (hasSchemas) {
        throw new RegistryException(
            ErrorCode.OPERATION_NOT_PERMITTED, "Cannot import since found existing subjects");
      }
    }
    log.append(List.of(new ModeSet(subject, mode)));
    return mode;
  }

  /** Deletes a subject's mode; returns the mode it had. */
  public Mode deleteMode(String subject) {
    Mode previous = subjectMode(subject, false);
    log.append(List.of(new Removal(EntryKey.mode(subject))));
    return previous;
  }

  private Mode effectiveMode(String subject) {
    return state.subjectMode(subject).orElseGet(this::globalMode);
  }

  private CompatibilityLevel effectiveLevel(RegistryState st, String subject) {
    return st.subjectLevel(subject).orElseGet(() -> st.globalLevel().orElse(defaultLevel));
  }

  private static RegistryException readOnly(String subject) {
    return new RegistryException(
        ErrorCode.OPERATION_NOT_PERMITTED, "Subject " + subject + " is in read-only mode");
  }

  private static void requireAvro(String schemaType) {
    if (schemaType != null && !ParsedSchema.AVRO.equalsIgnoreCase(schemaType)) {
      throw RegistryException.invalidSchema(
          "Unsupported schema type '"
              + schemaType
              + "': this registry supports AVRO only (JSON and PROTOBUF are not implemented)");
    }
  }
}
