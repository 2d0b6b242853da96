package org.ungis.notification.notice;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.ungis.notification.notice.Notice.Facts;

/**
 * What the service remembers of one call for inputs, from the event log alone: the call, who has
 * submitted to it, and which reminders it has planned. Rebuilt from the topics, it plans the same
 * reminders under the same ids, so a rebuild never sends one twice.
 *
 * @param call the call's latest state, {@code null} before its first event
 * @param submissions the agency of each input not withdrawn, by contribution id
 * @param reminded the ids of the reminders planned
 */
public record CallWatch(Call call, Map<String, String> submissions, Set<String> reminded) {

  /** The days before a deadline a reminder goes out, the nearest last. */
  public static final List<Integer> REMINDER_DAYS = List.of(7, 1);

  public CallWatch {
    submissions = Map.copyOf(submissions == null ? Map.of() : submissions);
    reminded = Set.copyOf(reminded == null ? Set.of() : reminded);
  }

  /** Nothing known yet. */
  public static CallWatch empty() {
    return new CallWatch(null, Map.of(), Set.of());
  }

  /**
   * A call's state after a change.
   *
   * @param processId the call
   * @param title its title
   * @param deadline its deadline
   * @param open whether it takes inputs
   * @param extensions the deadline of each agency that was granted an extension
   */
  public record Call(
      String processId,
      String title,
      Instant deadline,
      boolean open,
      Map<String, Instant> extensions) {

    public Call {
      Objects.requireNonNull(processId, "processId");
      extensions = Map.copyOf(extensions == null ? Map.of() : extensions);
    }

    /** The deadline of an agency: its extension, or the call's. */
    public Instant deadlineOf(String agency) {
      return extensions.getOrDefault(agency, deadline);
    }
  }

  /** An input to the call (submission or revision): its agency has submitted. */
  public CallWatch submitted(String contributionId, String agency) {
    Map<String, String> next = new HashMap<>(submissions);
    next.put(contributionId, agency);
    return new CallWatch(call, next, reminded);
  }

  /** A withdrawn input no longer counts as its agency's submission. */
  public CallWatch withdrawn(String contributionId) {
    Map<String, String> next = new HashMap<>(submissions);
    next.remove(contributionId);
    return new CallWatch(call, next, reminded);
  }

  /**
   * The call's new state: an opened call tells every member's focal points, a new or later
   * extension tells the agency's focal points.
   *
   * @param eventId the event of the change
   * @param opened whether the change opened the call
   */
  public Step<CallWatch> changed(String eventId, boolean opened, Call next, Recipients who) {
    List<Notice> notices = new ArrayList<>();
    if (opened && (call == null || !call.open())) {
      Facts facts =
          new Facts(next.processId(), next.title(), null, null, next.deadline(), null, null);
      who.everyMembersFocalPoints()
          .forEach(p -> notices.add(new Notice(eventId, Kind.CALL_OPENED, p, facts)));
    }
    next.extensions()
        .forEach(
            (agency, deadline) -> {
              Instant before = call == null ? null : call.extensions().get(agency);
              if (!deadline.equals(before)) {
                Facts facts =
                    new Facts(next.processId(), next.title(), null, agency, deadline, null, null);
                who.focalPointsOf(agency)
                    .forEach(
                        p ->
                            notices.add(
                                new Notice(
                                    eventId + "/" + agency, Kind.EXTENSION_GRANTED, p, facts)));
              }
            });
    return new Step<>(new CallWatch(next, submissions, reminded), notices);
  }

  /**
   * The reminders due at an instant: to the focal points of each member that has not submitted, 7
   * days and 1 day before its deadline (only the nearer one when both are due).
   */
  public Step<CallWatch> remind(Instant now, Recipients who) {
    if (call == null || !call.open()) {
      return new Step<>(this, List.of());
    }
    Set<String> submitted = new HashSet<>(submissions.values());
    Set<String> planned = new HashSet<>(reminded);
    List<Notice> notices = new ArrayList<>();
    for (String agency : who.members()) {
      if (submitted.contains(agency)) {
        continue;
      }
      Instant deadline = call.deadlineOf(agency);
      if (deadline == null || !now.isBefore(deadline)) {
        continue;
      }
      Integer due = null;
      for (int days : REMINDER_DAYS) {
        if (!now.isBefore(deadline.minus(Duration.ofDays(days)))) {
          due = days;
        }
      }
      if (due == null) {
        continue;
      }
      String id =
          "reminder/%dd/%s/%s/%d".formatted(due, call.processId(), agency, deadline.toEpochMilli());
      if (planned.add(id)) {
        Facts facts = new Facts(call.processId(), call.title(), null, agency, deadline, null, due);
        who.focalPointsOf(agency)
            .forEach(p -> notices.add(new Notice(id, Kind.REMINDER, p, facts)));
      }
    }
    return new Step<>(new CallWatch(call, submissions, planned), notices);
  }
}
