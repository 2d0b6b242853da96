package org.ungis.publication.record.web;

import java.util.List;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.ungis.publication.record.Entry;

/**
 * Which agencies address each SDG and each WSIS action line in a record.
 *
 * @param sdgs SDG number (1-17) to agency codes
 * @param actionLines action line (C1-C11) to agency codes
 */
record Coverage(
    SortedMap<Integer, SortedSet<String>> sdgs, SortedMap<String, SortedSet<String>> actionLines) {

  static Coverage of(List<Entry> entries) {
    SortedMap<Integer, SortedSet<String>> sdgs = new TreeMap<>();
    SortedMap<String, SortedSet<String>> lines =
        new TreeMap<>(
            java.util.Comparator.comparingInt(Coverage::lineNumber)
                .thenComparing(java.util.Comparator.naturalOrder()));
    for (Entry entry : entries) {
      for (Integer sdg : entry.content().sdgs()) {
        sdgs.computeIfAbsent(sdg, k -> new TreeSet<>()).add(entry.agency());
      }
      for (String line : entry.content().actionLines()) {
        lines.computeIfAbsent(line, k -> new TreeSet<>()).add(entry.agency());
      }
    }
    return new Coverage(sdgs, lines);
  }

  /** C1..C11 sort by number, not as text. */
  private static int lineNumber(String line) {
    try {
      return Integer.parseInt(line.substring(1));
    } catch (RuntimeException e) {
      return Integer.MAX_VALUE;
    }
  }
}
