package org.ungis.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Repeated failed authentications of one principal (a client id, or a person's e-mail) from one
 * address: the first {@link #FREE} are answered as usual; after them each further attempt must
 * wait, twice as long after every failure, at most {@code maxWait}, so guessing a secret is slowed
 * to a crawl while the real owner waits at most {@code maxWait} once. A success forgets the
 * failures. Every failure is logged. Kept in memory, for the most recent principals and addresses.
 */
final class FailedAttempts {

  private static final Logger log = LoggerFactory.getLogger(FailedAttempts.class);

  /** Failures answered without a wait. */
  static final int FREE = 5;

  /** The most principal/address pairs remembered (the least recently failed are forgotten). */
  static final int MOST = 10_000;

  record Key(String principal, String address) {}

  private record Failures(int count, Instant last) {}

  private final Map<Key, Failures> failures =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Failures> eldest) {
          return size() > MOST;
        }
      };
  private final Duration maxWait;
  private final Clock clock;

  FailedAttempts(Duration maxWait, Clock clock) {
    this.maxWait = maxWait;
    this.clock = clock;
  }

  /** How long this principal must still wait at this address before it may try again. */
  synchronized Duration waitFor(Key key) {
    Failures f = failures.get(key);
    if (f == null || f.count() < FREE) {
      return Duration.ZERO;
    }
    Duration wait = backoff(f.count());
    Duration waited = Duration.between(f.last(), clock.instant());
    return waited.compareTo(wait) >= 0 ? Duration.ZERO : wait.minus(waited);
  }

  synchronized void failed(Key key, String what) {
    Failures before = failures.get(key);
    int count = before == null ? 1 : before.count() + 1;
    failures.put(key, new Failures(count, clock.instant()));
    log.warn(
        "failed {} of {} from {} ({} in a row{})",
        what,
        key.principal(),
        key.address(),
        count,
        count >= FREE ? "; the next attempt waits " + backoff(count).toSeconds() + " s" : "");
  }

  synchronized void succeeded(Key key) {
    failures.remove(key);
  }

  private Duration backoff(int count) {
    int doublings = Math.min(count - FREE, 20);
    Duration wait = Duration.ofSeconds(1L << doublings);
    return wait.compareTo(maxWait) > 0 ? maxWait : wait;
  }
}
