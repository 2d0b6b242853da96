package org.ungis.portal.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.ungis.portal.security.Person;

class LiveHubTest {

  private final LiveHub hub = new LiveHub(new StaticMessageSource());
  private final Person person =
      new Person("Wei Zhang", "wei.zhang@itu.int", "ITU", List.of(Person.REVIEWER), "en");

  @AfterEach
  void destroy() {
    hub.destroy();
  }

  @Test
  void stoppingEndsEveryOpenStreamSoNoneHoldsTheGracefulShutdown() throws Exception {
    hub.start();
    SseEmitter open = hub.subscribe(person, Locale.ENGLISH);
    assertThat(hub.subscribers()).isEqualTo(1);

    hub.stop();

    assertThat(hub.subscribers()).isZero();
    assertThat(hub.isRunning()).isFalse();
    assertThatThrownBy(() -> open.send(SseEmitter.event().comment("after stop")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aStreamOpenedOnceTheHubHasStoppedEndsAtOnce() {
    hub.start();
    hub.stop();

    SseEmitter late = hub.subscribe(person, Locale.ENGLISH);

    assertThat(hub.subscribers()).isZero();
    assertThatThrownBy(() -> late.send(SseEmitter.event().comment("late")))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void theHubStopsBeforeTheWebServersGracefulShutdown() {
    // Lifecycles stop from the highest phase down; Spring Boot's graceful shutdown runs in a phase
    // below the default, so the default (the highest there is) stops first.
    assertThat(hub.getPhase()).isEqualTo(SmartLifecycle.DEFAULT_PHASE);
  }
}
