package org.ungis.contributions;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;
import org.ungis.streams.TopicDeclarations;

/**
 * Declares the topic this service owns ({@code Topics.CONTRIBUTIONS}) and the dead-letter topics it
 * writes to. The input topics (processes, reviews) are declared too, with their owner's settings
 * from the catalogue, so that the services can start in any order; creating an existing topic is a
 * no-op. Each topic comes with the catalogue's settings ({@link org.ungis.schemas.Topic#newTopic}).
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics contributionTopics(ContributionsSettings settings) {
    List<Topic<?>> topics = List.of(Topics.CONTRIBUTIONS, Topics.REVIEWS, Topics.PROCESSES);
    return TopicDeclarations.of(settings.replicationFactor(), topics, topics);
  }
}
