package org.ungis.examples.subscriber;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.nio.file.StandardCopyOption.ATOMIC_MOVE;
import static java.nio.file.StandardCopyOption.REPLACE_EXISTING;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.ungis.events.record.RecordEvent;
import org.ungis.publication.client.RecordAssembler;
import org.ungis.publication.client.RecordAssembler.AssembledRecord;

/**
 * The latest value of every key of {@code ungis.records.v1}, and the files written from it: {@code
 * <processId>.json} and {@code <processId>.md} hold the latest complete edition of each record.
 *
 * <p>Not thread-safe: one consumer thread calls {@link #accept} for each message of a batch, then
 * {@link #writeChanged()}.
 */
final class RecordFiles {

  /** Process ids are lower-case letters, digits and dashes; anything else is never a file name. */
  private static final Pattern PROCESS_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

  private static final System.Logger LOG = System.getLogger(RecordFiles.class.getName());

  private final Path out;
  private final RecordAssembler latest = new RecordAssembler();

  /** Processes with a message since the last {@link #writeChanged()}. */
  private final Set<String> changed = new TreeSet<>();

  /** Processes whose manifest was deleted (tombstoned) since the last {@link #writeChanged()}. */
  private final Set<String> deleted = new TreeSet<>();

  /** The edition last written per process (edition number and final flag). */
  private final Map<String, String> written = new HashMap<>();

  RecordFiles(Path out) throws IOException {
    this.out = Files.createDirectories(out);
  }

  /**
   * Takes one message: key {@code processId} (an edition manifest) or {@code
   * processId/contributionId} (an entry's text), value null for a tombstone.
   */
  void accept(String key, RecordEvent value) {
    if (key == null) {
      return; // never written by publication-service
    }
    latest.accept(key, value);
    int slash = key.indexOf('/');
    if (slash < 0 && value == null) {
      deleted.add(key);
    } else if (slash < 0) {
      deleted.remove(key);
    }
    changed.add(slash < 0 ? key : key.substring(0, slash));
  }

  /**
   * Writes the record of every process that changed since the last call, if its latest edition is
   * complete (every entry it names has arrived, in that revision) and was not written yet. A
   * process whose entries are still missing is written once they arrive: their messages mark it
   * changed again.
   *
   * @return the files written
   */
  List<Path> writeChanged() throws IOException {
    List<Path> files = new ArrayList<>();
    Set<String> withManifest = latest.processIds();
    for (String processId : changed) {
      if (!PROCESS_ID.matcher(processId).matches()) {
        LOG.log(System.Logger.Level.WARNING, "ignoring unexpected process id {0}", processId);
        continue;
      }
      if (!withManifest.contains(processId)) {
        if (deleted.contains(processId)) {
          removeFiles(processId); // the manifest itself was deleted (tombstone)
        }
        continue; // or only entries read so far: wait for the manifest
      }
      Optional<AssembledRecord> record = latest.assemble(processId);
      if (record.isEmpty()) {
        continue; // entries not read yet: wait for them
      }
      String edition =
          record.get().edition().getEdition() + "/" + record.get().edition().getFinal$();
      if (edition.equals(written.get(processId))) {
        continue; // e.g. an entry re-sent by a replay: nothing new
      }
      files.add(writeAtomically(processId + ".json", RecordDocuments.json(record.get())));
      files.add(writeAtomically(processId + ".md", RecordDocuments.markdown(record.get())));
      written.put(processId, edition);
    }
    changed.clear();
    deleted.clear();
    return files;
  }

  /**
   * Writes a temporary file next to the target and renames it over the target, so a reader sees
   * either the previous edition or the new one, never half a file.
   */
  private Path writeAtomically(String fileName, String content) throws IOException {
    Path target = out.resolve(fileName);
    Path temporary = Files.createTempFile(out, "." + fileName + ".", ".tmp");
    try {
      Files.writeString(temporary, content, UTF_8);
      Files.move(temporary, target, ATOMIC_MOVE, REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
    return target;
  }

  private void removeFiles(String processId) throws IOException {
    written.remove(processId);
    Files.deleteIfExists(out.resolve(processId + ".json"));
    Files.deleteIfExists(out.resolve(processId + ".md"));
  }
}
