package org.ungis.publication.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Rebuilds a past edition from its {@link HistoryStep}s. */
public final class EditionHistory {

  private EditionHistory() {}

  /**
   * The edition reached by applying steps to the snapshot that starts them.
   *
   * @param processId the call for inputs
   * @param steps consecutive steps, oldest first; the first one must carry a snapshot
   * @return the edition of the last step
   */
  public static Edition rebuild(String processId, List<HistoryStep> steps) {
    if (steps.isEmpty() || !steps.get(0).hasSnapshot()) {
      throw new IllegalArgumentException("history must start with a snapshot");
    }
    Map<String, EntryRef> entries = new LinkedHashMap<>();
    for (EntryRef ref : steps.get(0).snapshot()) {
      entries.put(ref.contributionId(), ref);
    }
    for (HistoryStep step : steps.subList(1, steps.size())) {
      step.removed().forEach(entries::remove);
      step.added().forEach(ref -> entries.put(ref.contributionId(), ref));
    }
    HistoryStep last = steps.get(steps.size() - 1);
    List<EntryRef> ordered = new ArrayList<>(entries.values());
    ordered.sort(EntryRef.PUBLISHED_ORDER);
    return new Edition(
        processId,
        last.number(),
        last.finalEdition(),
        last.call(),
        last.publishedAt(),
        ordered,
        last.corrigendum(),
        last.corrections());
  }
}
