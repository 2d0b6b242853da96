package org.ungis.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * Every service creates the topics it needs with {@link Topic#newTopic} and {@link
 * Topic#newDeadLetterTopic}: these are the settings the design and the operator guide promise
 * (event topics kept forever, state topics compacted, dead letters kept forever and never
 * compacted), whichever service happens to create a topic first.
 */
class TopicDeclarationTest {

  private static final Map<String, String> KEPT_FOREVER =
      Map.of("cleanup.policy", "delete", "retention.ms", "-1");
  private static final Map<String, String> COMPACTED = Map.of("cleanup.policy", "compact");

  /** docs/operator.md "Back up and restore" and DESIGN.md "Services and the topics they own". */
  private static final Map<String, Map<String, String>> CATALOGUE =
      Map.of(
          "ungis.contributions.v1", KEPT_FOREVER,
          "ungis.reviews.v1", KEPT_FOREVER,
          "ungis.processes.v1", COMPACTED,
          "ungis.records.v1", COMPACTED,
          "ungis.notifications.v1", COMPACTED,
          "ungis.webhooks.v1", COMPACTED);

  @Test
  void everyTopicIsDeclaredWithTheCataloguesSettings() {
    assertThat(Topics.ALL).extracting(Topic::name).hasSameElementsAs(CATALOGUE.keySet());
    for (Topic<?> topic : Topics.ALL) {
      NewTopic declared = topic.newTopic((short) 3);
      assertThat(declared.name()).isEqualTo(topic.name());
      assertThat(declared.numPartitions()).as(topic.name()).isEqualTo(topic.partitions());
      assertThat(declared.replicationFactor()).isEqualTo((short) 3);
      assertThat(declared.configs()).as(topic.name()).isEqualTo(CATALOGUE.get(topic.name()));
    }
  }

  @Test
  void theEventTopicsHaveThreePartitionsAndTheWebhookRegistrationsOne() {
    assertThat(Topics.CONTRIBUTIONS.newTopic((short) 1).numPartitions()).isEqualTo(3);
    assertThat(Topics.REVIEWS.newTopic((short) 1).numPartitions()).isEqualTo(3);
    assertThat(Topics.PROCESSES.newTopic((short) 1).numPartitions()).isEqualTo(3);
    assertThat(Topics.RECORDS.newTopic((short) 1).numPartitions()).isEqualTo(3);
    assertThat(Topics.WEBHOOKS.newTopic((short) 1).numPartitions()).isEqualTo(1);
  }

  @Test
  void everyDeadLetterTopicKeepsEveryLetterForever() {
    for (Topic<?> topic : Topics.ALL) {
      NewTopic declared = topic.newDeadLetterTopic((short) 1);
      assertThat(declared.name()).isEqualTo(topic.name() + ".DLT");
      assertThat(declared.numPartitions()).as(declared.name()).isEqualTo(topic.partitions());
      assertThat(declared.configs()).as(declared.name()).isEqualTo(KEPT_FOREVER);
    }
  }

  @Test
  void aTopicIsFoundByItsNameButADeadLetterTopicIsNot() {
    assertThat(Topics.named("ungis.reviews.v1")).contains(Topics.REVIEWS);
    assertThat(Topics.named("ungis.reviews.v1.DLT")).isEmpty();
  }
}
