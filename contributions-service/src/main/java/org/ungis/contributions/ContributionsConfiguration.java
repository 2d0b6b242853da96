package org.ungis.contributions;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;
import org.ungis.contributions.contribution.Calls;
import org.ungis.contributions.contribution.ContributionEvents;
import org.ungis.contributions.contribution.ContributionService;
import org.ungis.contributions.contribution.ContributionViews;
import org.ungis.contributions.contribution.messaging.ContributionViewTopology;
import org.ungis.contributions.contribution.messaging.ViewChanges;
import org.ungis.contributions.routing.ContributionOwners;
import org.ungis.reference.Roster;
import org.ungis.streams.CatchUpBarrier;
import org.ungis.streams.ReplaceFailedStreamThreads;
import org.ungis.streams.StreamsDeadLetters;
import org.ungis.streams.StreamsReadiness;

/**
 * Wires the domain service to its adapters and declares the view topology; what the topology cannot
 * decode or the domain refuses goes to its topic's dead-letter topic ({@link StreamsDeadLetters}).
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@Import(StreamsDeadLetters.class)
class ContributionsConfiguration {

  @Bean
  Roster roster(ContributionsSettings settings) {
    return settings.roster() == null ? Roster.load() : Roster.load(settings.roster());
  }

  @Bean
  ContributionService contributionService(
      Roster roster,
      Calls calls,
      ContributionViews views,
      ContributionEvents events,
      Clock clock,
      ContributionsSettings settings,
      ContributionOwners owners,
      ViewChanges changes) {
    var service =
        new ContributionService(
            roster, calls, views, events, clock, settings.viewTimeout(), owners::newContributionId);
    changes.onFolded(service::shown);
    return service;
  }

  /**
   * A stream thread that dies of an unexpected error is replaced rather than the whole client shut
   * down, so the views recover by themselves (e.g. after a long broker outage). On a clean close
   * the client leaves its group (also as a static member, {@code group.instance.id}), so that the
   * next start, of this instance or of fewer instances, gets a fresh assignment at once instead of
   * the previous members' tasks after their session times out.
   */
  @Bean
  static StreamsBuilderFactoryBeanConfigurer streamsLifecycle() {
    return factoryBean -> {
      factoryBean.setLeaveGroupOnClose(true);
      factoryBean.setStreamsUncaughtExceptionHandler(new ReplaceFailedStreamThreads());
    };
  }

  /** Readiness: up only while the views run. */
  @Bean("streams")
  StreamsReadiness streamsReadiness(StreamsBuilderFactoryBean streams) {
    return new StreamsReadiness(streams);
  }

  /**
   * After a restart or a rebalance, a contribution is read or written only once the views have
   * applied what was already written to its partitions (see {@link CatchUpBarrier}).
   */
  @Bean
  CatchUpBarrier catchUpBarrier(StreamsBuilderFactoryBean streams, KafkaAdmin kafka) {
    return CatchUpBarrier.listeningTo(streams, kafka, "contributions-service-catch-up-barrier");
  }

  @Autowired
  void viewTopology(StreamsBuilder builder, KafkaProperties kafka, ViewChanges changes) {
    Map<String, Object> serdeConfig =
        kafka.getProperties().isEmpty() ? Map.of() : Map.copyOf(kafka.getProperties());
    ContributionViewTopology.build(builder, serdeConfig, changes);
  }
}
