package org.ungis.review;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.ungis.review.call.CallEvents;
import org.ungis.review.call.CallOwnership;
import org.ungis.review.call.CallViews;
import org.ungis.review.call.ProcessCommands;
import org.ungis.review.queue.LocalReviewQueue;
import org.ungis.review.review.ItemOwnership;
import org.ungis.review.review.ReviewCommands;
import org.ungis.review.review.ReviewEvents;
import org.ungis.review.review.ReviewViews;
import org.ungis.review.rules.Rota;

/**
 * The command handlers and the local queue, which know no Spring: each is given the rules (the
 * rota, the clock, the timeouts) and the ports the messaging adapter implements.
 */
@Configuration(proxyBeanMethods = false)
class CommandsConfiguration {

  @Bean
  ProcessCommands processCommands(
      CallViews views,
      CallEvents events,
      Rota rota,
      Clock clock,
      ReviewSettings settings,
      CallOwnership ownership) {
    return new ProcessCommands(views, events, rota, clock, settings, ownership);
  }

  @Bean
  ReviewCommands reviewCommands(
      ReviewViews views,
      ReviewEvents events,
      Rota rota,
      Clock clock,
      ReviewSettings settings,
      ItemOwnership ownership) {
    return new ReviewCommands(views, events, rota, clock, settings, ownership);
  }

  @Bean(LocalReviewQueue.NAME)
  LocalReviewQueue localReviewQueue(CallViews calls, ReviewViews items) {
    return new LocalReviewQueue(calls, items);
  }
}
