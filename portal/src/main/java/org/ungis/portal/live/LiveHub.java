package org.ungis.portal.live;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.MessageSource;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.HtmlUtils;
import org.ungis.portal.security.Person;

/**
 * Each open page's server-sent event stream, and what is pushed to it. Events are gathered for a
 * short moment and sent as a batch: each event name once (the page re-fetches its fragments with
 * the person's token), and one sentence for the status region (the event's own, or how many changes
 * there were). The names are sent again a little later, since a service's view may take a moment
 * longer than the portal to read the same event.
 *
 * <p>A stream is a request that never ends by itself, and a browser that has gone away is noticed
 * only at the next write: the server's graceful shutdown would wait for every stream until its
 * timeout. So the hub is a lifecycle that stops first (the highest phase, before the web server's
 * graceful shutdown) and ends every open stream as it stops; a page opened after that gets a stream
 * that ends at once (its script reconnects to whichever portal answers).
 */
@Component
class LiveHub implements SmartLifecycle, DisposableBean {

  /** How long events are gathered before they are pushed. */
  static final long BATCH_MILLIS = 300;

  /** When the names are pushed once more. */
  static final long AGAIN_MILLIS = 1_200;

  record Subscriber(SseEmitter emitter, Person person, Locale locale) {}

  private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<LiveEvent> pending = new ConcurrentLinkedQueue<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "portal-live-hub");
            t.setDaemon(true);
            return t;
          });
  private final MessageSource messages;
  private volatile boolean running;

  LiveHub(MessageSource messages) {
    this.messages = messages;
    scheduler.scheduleWithFixedDelay(
        this::flush, BATCH_MILLIS, BATCH_MILLIS, TimeUnit.MILLISECONDS);
    scheduler.scheduleWithFixedDelay(this::heartbeat, 20, 20, TimeUnit.SECONDS);
  }

  SseEmitter subscribe(Person person, Locale locale) {
    SseEmitter emitter = new SseEmitter(0L);
    if (!running) {
      emitter.complete();
      return emitter;
    }
    Subscriber subscriber = new Subscriber(emitter, person, locale);
    subscribers.add(subscriber);
    emitter.onCompletion(() -> subscribers.remove(subscriber));
    emitter.onTimeout(() -> subscribers.remove(subscriber));
    emitter.onError(e -> subscribers.remove(subscriber));
    return emitter;
  }

  void publish(LiveEvent event) {
    pending.add(event);
  }

  private void flush() {
    List<LiveEvent> batch = new ArrayList<>();
    for (LiveEvent e; (e = pending.poll()) != null; ) {
      batch.add(e);
    }
    if (batch.isEmpty()) {
      return;
    }
    for (Subscriber s : subscribers) {
      List<LiveEvent> visible = batch.stream().filter(e -> e.visibleTo(s.person())).toList();
      if (visible.isEmpty()) {
        continue;
      }
      Set<String> names = new LinkedHashSet<>();
      visible.forEach(e -> names.add(e.name()));
      String sentence =
          visible.size() == 1
              ? messages.getMessage(
                  visible.get(0).messageKey(), visible.get(0).arguments().toArray(), s.locale())
              : messages.getMessage("live.many", new Object[] {visible.size()}, s.locale());
      send(s, names, sentence);
      scheduler.schedule(() -> send(s, names, null), AGAIN_MILLIS, TimeUnit.MILLISECONDS);
    }
  }

  private void send(Subscriber s, Set<String> names, String sentence) {
    try {
      for (String name : names) {
        s.emitter().send(SseEmitter.event().name(name).data(name));
      }
      if (sentence != null) {
        s.emitter()
            .send(
                SseEmitter.event()
                    .name("announce")
                    .data("<span>" + HtmlUtils.htmlEscape(sentence) + "</span>"));
      }
    } catch (IOException | IllegalStateException gone) {
      subscribers.remove(s);
    }
  }

  private void heartbeat() {
    for (Subscriber s : subscribers) {
      try {
        s.emitter().send(SseEmitter.event().comment("keep-alive"));
      } catch (IOException | IllegalStateException gone) {
        subscribers.remove(s);
      }
    }
  }

  int subscribers() {
    return subscribers.size();
  }

  @Override
  public void start() {
    running = true;
  }

  /** Ends every open stream, so that none holds the web server's graceful shutdown. */
  @Override
  public void stop() {
    running = false;
    subscribers.forEach(s -> s.emitter().complete());
    subscribers.clear();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /** Stops before the web server's graceful shutdown (which waits for open requests). */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE;
  }

  @Override
  public void destroy() {
    scheduler.shutdownNow();
    stop();
  }
}
