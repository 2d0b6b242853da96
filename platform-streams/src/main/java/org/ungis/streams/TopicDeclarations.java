package org.ungis.streams;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.core.KafkaAdmin;
import org.ungis.schemas.Topic;

/**
 * The topics a service creates at start, each with the catalogue's settings ({@link
 * Topic#newTopic}, {@link Topic#newDeadLetterTopic}); creating one that exists is a no-op, so the
 * services can start in any order.
 */
public final class TopicDeclarations {

  private TopicDeclarations() {}

  /**
   * @param replicationFactor the cluster's replication factor
   * @param topics the topics the service creates: those it owns, and those it reads if it may start
   *     before their owner
   * @param deadLettered the topics whose records it dead-letters (every topic it reads)
   */
  public static KafkaAdmin.NewTopics of(
      short replicationFactor, List<Topic<?>> topics, List<Topic<?>> deadLettered) {
    return new KafkaAdmin.NewTopics(
        list(replicationFactor, topics, deadLettered).toArray(NewTopic[]::new));
  }

  /** The same, as a list. */
  public static List<NewTopic> list(
      short replicationFactor, List<Topic<?>> topics, List<Topic<?>> deadLettered) {
    List<NewTopic> declared = new ArrayList<>();
    topics.forEach(topic -> declared.add(topic.newTopic(replicationFactor)));
    deadLettered.forEach(topic -> declared.add(topic.newDeadLetterTopic(replicationFactor)));
    return declared;
  }
}
