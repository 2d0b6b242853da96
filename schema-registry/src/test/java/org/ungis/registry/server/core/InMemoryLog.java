package org.ungis.registry.server.core;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A log in memory that applies every append at once, and can compact like Kafka does. */
final class InMemoryLog implements SchemaLog {

  final List<LogEntry> records = new ArrayList<>();
  private final List<RegistryState> readers = new ArrayList<>();

  InMemoryLog readBy(RegistryState state) {
    readers.add(state);
    records.forEach(state::apply);
    return this;
  }

  @Override
  public synchronized void append(List<LogEntry> entries) {
    for (LogEntry entry : entries) {
      records.add(entry);
      readers.forEach(reader -> reader.apply(entry));
    }
  }

  /** Kafka compaction: the last record of each key, in offset order; tombstones dropped too. */
  List<LogEntry> compacted() {
    Map<LogEntry.EntryKey, Integer> lastOffset = new LinkedHashMap<>();
    for (int offset = 0; offset < records.size(); offset++) {
      lastOffset.put(records.get(offset).key(), offset);
    }
    List<LogEntry> kept = new ArrayList<>();
    for (int offset = 0; offset < records.size(); offset++) {
      LogEntry entry = records.get(offset);
      if (lastOffset.get(entry.key()) == offset && !(entry instanceof LogEntry.Removal)) {
        kept.add(entry);
      }
    }
    return kept;
  }

  static RegistryState replay(List<LogEntry> entries) {
    RegistryState state = new RegistryState();
    entries.forEach(state::apply);
    return state;
  }
}
