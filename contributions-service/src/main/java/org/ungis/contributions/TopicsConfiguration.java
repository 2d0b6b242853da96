package org.ungis.contributions;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;

/**
 * Declares the topic this service owns ({@code Topics.CONTRIBUTIONS}) and the dead-letter topics it
 * writes to. The input topics (processes, reviews) are declared too, with their owner's settings
 * from the catalogue, so that the services can start in any order; creating an existing topic is a
 * no-op.
 */
@Configuration(proxyBeanMethods = false)
class TopicsConfiguration {

  @Bean
  KafkaAdmin.NewTopics contributionTopics(ContributionsSettings settings) {
    short replicas = settings.replicationFactor();
    return new KafkaAdmin.NewTopics(
        topic(Topics.CONTRIBUTIONS, replicas),
        deadLetters(Topics.CONTRIBUTIONS, replicas),
        topic(Topics.REVIEWS, replicas),
        deadLetters(Topics.REVIEWS, replicas),
        topic(Topics.PROCESSES, replicas),
        deadLetters(Topics.PROCESSES, replicas));
  }

  static NewTopic topic(Topic<?> topic, short replicas) {
    TopicBuilder builder =
        TopicBuilder.name(topic.name()).partitions(topic.partitions()).replicas(replicas);
    if (topic.compacted()) {
      builder.compact();
    } else if (topic.retention() == null) {
      builder.config(TopicConfig.RETENTION_MS_CONFIG, "-1");
    } else {
      builder.config(TopicConfig.RETENTION_MS_CONFIG, String.valueOf(topic.retention().toMillis()));
    }
    return builder.build();
  }

  static NewTopic deadLetters(Topic<?> topic, short replicas) {
    return TopicBuilder.name(topic.deadLetterTopic())
        .partitions(topic.partitions())
        .replicas(replicas)
        .config(TopicConfig.RETENTION_MS_CONFIG, "-1")
        .build();
  }
}
