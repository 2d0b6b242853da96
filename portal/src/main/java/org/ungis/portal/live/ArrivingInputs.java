package org.ungis.portal.live;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.function.LongSupplier;
import org.springframework.stereotype.Component;

/**
 * The inputs the portal has just seen sent or revised (from {@code ungis.contributions.v1}), for a
 * moment. The live pages are told of an input as soon as the portal reads its event, but
 * review-service reads the same event on its own and may list it a little later; a reviewer's queue
 * asked to refresh in that gap would show the queue without it, and no later event would refresh it
 * again. So the queue first waits, bounded, for review-service to hold each input arriving in it at
 * the revision the portal saw.
 */
@Component
public class ArrivingInputs {

  /** How long an input counts as arriving. */
  static final Duration KEPT = Duration.ofSeconds(20);

  /** The most inputs remembered at once (the oldest are forgotten first). */
  static final int MOST = 50;

  /**
   * One input that has just arrived.
   *
   * @param contributionId its id
   * @param processId its call
   * @param agency its agency
   * @param revision the revision the portal saw
   */
  public record Arrival(String contributionId, String processId, String agency, int revision) {}

  private record Seen(Arrival arrival, long atNanos) {}

  private final ConcurrentLinkedDeque<Seen> recent = new ConcurrentLinkedDeque<>();
  private final LongSupplier nanoTime;

  ArrivingInputs() {
    this(System::nanoTime);
  }

  ArrivingInputs(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  void arrived(Arrival arrival) {
    recent.addLast(new Seen(arrival, nanoTime.getAsLong()));
    while (recent.size() > MOST) {
      recent.pollFirst();
    }
  }

  /**
   * The inputs arrived within {@link #KEPT} in this call and of this agency (null: any), the newest
   * revision of each.
   */
  public List<Arrival> arriving(String processId, String agency) {
    long now = nanoTime.getAsLong();
    List<Arrival> found = new ArrayList<>();
    for (Iterator<Seen> it = recent.descendingIterator(); it.hasNext(); ) {
      Seen seen = it.next();
      if (now - seen.atNanos() > KEPT.toNanos()) {
        break;
      }
      Arrival a = seen.arrival();
      boolean wanted =
          (processId == null || processId.equals(a.processId()))
              && (agency == null || agency.equals(a.agency()))
              && found.stream().noneMatch(f -> f.contributionId().equals(a.contributionId()));
      if (wanted) {
        found.add(a);
      }
    }
    return found;
  }
}
