package org.ungis.publication.record.messaging;

/**
 * Keys of {@code ungis.records.v1} and of the service's stores. A manifest is keyed by the process
 * id, an entry by {@code processId/contributionId} (a process id never contains a slash).
 */
final class RecordKeys {

  static final char ENTRY_SEPARATOR = '/';

  private RecordKeys() {}

  /** Key of a record's entry on the records topic. */
  static String entry(String processId, String contributionId) {
    return processId + ENTRY_SEPARATOR + contributionId;
  }

  static boolean isEntry(String key) {
    return key.indexOf(ENTRY_SEPARATOR) >= 0;
  }

  /** Key of an entry's text of one revision in the entry store (kept for past editions). */
  static String entryText(String processId, String contributionId, int revision) {
    return entry(processId, contributionId) + "#" + revision;
  }

  /** Key of an edition's history step; zero-padded so that keys sort by edition. */
  static String history(String processId, int edition) {
    return processId + "#" + String.format("%010d", edition);
  }
}
