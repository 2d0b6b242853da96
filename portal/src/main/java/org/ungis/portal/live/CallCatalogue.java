package org.ungis.portal.live;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.ungis.events.process.CallForInputsEvent;
import org.ungis.portal.api.Models.Call;
import org.ungis.portal.api.Models.Document;
import org.ungis.portal.api.Models.Extension;

/**
 * Every call for inputs, as the compacted topic {@code ungis.processes.v1} says (each event carries
 * the call's whole state). Anonymous pages read the calls here, since review-service answers only
 * callers with a token; a signed-in person's pages ask review-service.
 */
@Component
public class CallCatalogue {

  private final Map<String, Call> calls = new ConcurrentHashMap<>();

  void apply(CallForInputsEvent e) {
    calls.put(
        e.getProcessId(),
        new Call(
            e.getProcessId(),
            e.getTitle(),
            e.getDescription(),
            e.getDeadline(),
            e.getStatus().name(),
            e.getRequiredApprovals(),
            e.getExtensions().stream()
                .map(x -> new Extension(x.getAgency(), x.getDeadline(), x.getReason()))
                .toList(),
            new Document(
                e.getSymbol().isEmpty() ? null : e.getSymbol(),
                e.getRecordLanguage().name(),
                e.getWithdrawalAfterClosure().name(),
                e.getIntroduction(),
                e.getConclusion())));
  }

  /** The open calls, nearest deadline first. */
  public List<Call> open() {
    return calls.values().stream()
        .filter(Call::open)
        .sorted(Comparator.comparing(Call::deadline))
        .toList();
  }

  public Optional<Call> call(String id) {
    return Optional.ofNullable(calls.get(id));
  }
}
