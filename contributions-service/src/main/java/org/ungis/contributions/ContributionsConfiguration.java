package org.ungis.contributions;

import java.time.Clock;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.ungis.contributions.contribution.Calls;
import org.ungis.contributions.contribution.ContributionEvents;
import org.ungis.contributions.contribution.ContributionService;
import org.ungis.contributions.contribution.ContributionViews;
import org.ungis.contributions.contribution.messaging.ContributionViewTopology;
import org.ungis.reference.Roster;

/** Wires the domain service to its adapters and declares the view topology. */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
class ContributionsConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

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
      ContributionsSettings settings) {
    return new ContributionService(roster, calls, views, events, clock, settings.viewTimeout());
  }

  @Autowired
  void viewTopology(StreamsBuilder builder, KafkaProperties kafka) {
    Map<String, Object> serdeConfig =
        kafka.getProperties().isEmpty() ? Map.of() : Map.copyOf(kafka.getProperties());
    ContributionViewTopology.build(builder, serdeConfig);
  }
}
