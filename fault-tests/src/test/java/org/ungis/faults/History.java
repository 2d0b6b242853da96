package org.ungis.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.ungis.faults.EventLog.Coordinate;
import org.ungis.faults.EventLog.Partition;

/**
 * What every client of a test did and what it got, in the order the answers came, as Jepsen keeps a
 * history: one {@link Operation} per attempt (a retry with the same Idempotency-Key is another
 * attempt of the same request), {@code OK} with the id the answer named, {@code FAILED} with the
 * status of a definite refusal, {@code UNKNOWN} when the client cannot tell whether the write was
 * made (a timeout, a reset or refused connection, a 502/503/504). It also holds the records a test
 * wrote to a topic itself: poison pills (with the number of dead letters each must have) and
 * well-formed events written by a producer of its own, and, when a scenario watches
 * notification-service, the {@code webhook-id} of every request its webhook receiver got.
 * Thread-safe.
 */
final class History {

  /** What a client asked for. */
  enum Type {
    SUBMIT,
    REVISE,
    WITHDRAW,
    DECIDE
  }

  /** What it learned. */
  enum Outcome {
    OK,
    FAILED,
    UNKNOWN
  }

  /** The text of a submission or revision, as the client sent it. */
  record Text(String title, String summary, String body) {}

  /**
   * One attempt of a request. {@code agency} is the caller's agency for a submission; {@code
   * contributionId} is the target of a revision or decision and the id the answer named for a
   * submission ({@code null} unless OK); {@code revision} and {@code decision} describe a decision
   * (a revision: the revision it creates); a withdrawal's reason is its {@code text}'s body.
   */
  record Operation(
      int index,
      String client,
      Type type,
      String agency,
      String key,
      Text text,
      String contributionId,
      int revision,
      String decision,
      Outcome outcome,
      int status,
      String error) {

    /** The request this attempt belongs to: the same key and the same request. */
    List<Object> request() {
      return type == Type.SUBMIT
          ? List.of(type, agency, String.valueOf(key), text)
          : List.of(type, contributionId, revision, String.valueOf(decision), String.valueOf(key));
    }

    boolean mayHaveWritten() {
      return outcome != Outcome.FAILED;
    }
  }

  /** A record a test wrote to an input topic that no service can use. */
  record Poison(Coordinate at, int deadLetters) {}

  private final AtomicInteger sequence = new AtomicInteger();
  private final List<Operation> operations = new ArrayList<>();
  private final List<Poison> poisons = new ArrayList<>();
  private final List<Coordinate> produced = new ArrayList<>();
  private final List<String> webhookDeliveries = new ArrayList<>();
  private Map<Partition, Long> webhooksFrom;
  private Map<Partition, Long> webhooksUntil;

  /** Records one attempt. */
  synchronized Operation add(
      String client,
      Type type,
      String agency,
      String key,
      Text text,
      String contributionId,
      int revision,
      String decision,
      Outcome outcome,
      int status,
      String error) {
    Operation operation =
        new Operation(
            sequence.incrementAndGet(),
            client,
            type,
            agency,
            key,
            text,
            contributionId,
            revision,
            decision,
            outcome,
            status,
            error);
    operations.add(operation);
    return operation;
  }

  /** A submission attempt and what it got. */
  Operation submit(
      String client, String agency, String key, Text text, Outcome outcome, int status, String id) {
    return add(client, Type.SUBMIT, agency, key, text, id, 1, null, outcome, status, null);
  }

  /** A revision attempt (creating {@code revision}) and what it got. */
  Operation revise(
      String client,
      String contributionId,
      int revision,
      String key,
      Text text,
      Outcome outcome,
      int status) {
    return add(
        client,
        Type.REVISE,
        null,
        key,
        text,
        contributionId,
        revision,
        null,
        outcome,
        status,
        null);
  }

  /** A withdrawal attempt (with its reason) and what it got. */
  Operation withdraw(
      String client,
      String contributionId,
      String key,
      String reason,
      Outcome outcome,
      int status) {
    return add(
        client,
        Type.WITHDRAW,
        null,
        key,
        new Text(null, null, reason),
        contributionId,
        0,
        null,
        outcome,
        status,
        null);
  }

  /** A decision attempt and what it got. */
  Operation decide(
      String client,
      String contributionId,
      int revision,
      String decision,
      String key,
      Outcome outcome,
      int status) {
    return add(
        client,
        Type.DECIDE,
        null,
        key,
        null,
        contributionId,
        revision,
        decision,
        outcome,
        status,
        null);
  }

  /** A poison pill written at {@code at}, refused by {@code deadLetters} services. */
  synchronized void poison(Coordinate at, int deadLetters) {
    poisons.add(new Poison(at, deadLetters));
  }

  /** A well-formed event a test wrote with a producer of its own. */
  synchronized void produced(Coordinate at) {
    produced.add(at);
  }

  /**
   * A webhook receiver registered for {@code contribution.*} and {@code review.decided} reports its
   * deliveries here ({@link #webhookDelivered}) while notification-service runs: the events from
   * {@code from} (the ends of the topics when it was registered) on must each reach it.
   */
  synchronized void watchWebhooks(Map<Partition, Long> from) {
    webhooksFrom = Map.copyOf(from);
    webhooksUntil = null;
  }

  /** notification-service stopped: the events from {@code until} on are not expected. */
  synchronized void stopWatchingWebhooks(Map<Partition, Long> until) {
    webhooksUntil = Map.copyOf(until);
  }

  /** The receiver got a request with this {@code webhook-id} (a redelivery: once more). */
  synchronized void webhookDelivered(String webhookId) {
    webhookDeliveries.add(webhookId);
  }

  /** Whether the event at {@code at} must reach the webhook receiver. */
  synchronized boolean webhookExpected(Coordinate at) {
    return webhooksFrom != null
        && !at.before(webhooksFrom)
        && (webhooksUntil == null || at.before(webhooksUntil));
  }

  synchronized boolean webhooksWatched() {
    return webhooksFrom != null;
  }

  /** The {@code webhook-id} of every request the receiver got, redeliveries included. */
  synchronized List<String> webhookDeliveries() {
    return List.copyOf(webhookDeliveries);
  }

  synchronized List<Operation> operations() {
    return List.copyOf(operations);
  }

  synchronized List<Poison> poisons() {
    return List.copyOf(poisons);
  }

  synchronized List<Coordinate> produced() {
    return List.copyOf(produced);
  }

  /**
   * The history as it was when {@code operations} attempts had been recorded and the topics ended
   * at {@code ends}: the first attempts, and the records the test wrote before those ends.
   */
  synchronized History before(int operations, Map<Partition, Long> ends) {
    History before = new History();
    before.operations.addAll(this.operations.subList(0, Math.min(operations, size())));
    before.sequence.set(before.operations.size());
    poisons.stream().filter(p -> p.at().before(ends)).forEach(before.poisons::add);
    produced.stream().filter(c -> c.before(ends)).forEach(before.produced::add);
    // the deliveries so far: a delivery of an earlier event that was missing then and arrived
    // since is no finding of the later part
    before.webhooksFrom = webhooksFrom;
    before.webhooksUntil = webhooksUntil;
    before.webhookDeliveries.addAll(webhookDeliveries);
    return before;
  }

  synchronized int size() {
    return operations.size();
  }

  /** How many attempts ended so. */
  synchronized long count(Outcome outcome) {
    return operations.stream().filter(o -> o.outcome() == outcome).count();
  }
}
