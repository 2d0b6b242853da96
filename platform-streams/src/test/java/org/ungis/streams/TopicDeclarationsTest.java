package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.ungis.schemas.Topics;

class TopicDeclarationsTest {

  @Test
  void aServiceCreatesItsTopicsAndTheDeadLetterTopicsOfWhatItReadsWithTheCataloguesSettings() {
    List<NewTopic> declared =
        TopicDeclarations.list(
            (short) 1, List.of(Topics.RECORDS), List.of(Topics.RECORDS, Topics.CONTRIBUTIONS));

    assertThat(declared)
        .extracting(NewTopic::name)
        .containsExactly("ungis.records.v1", "ungis.records.v1.DLT", "ungis.contributions.v1.DLT");
    assertThat(declared.get(0).configs()).containsEntry("cleanup.policy", "compact");
    assertThat(declared.get(2).configs())
        .containsEntry("retention.ms", "-1")
        .containsEntry("cleanup.policy", "delete");
    assertThat(declared).extracting(NewTopic::replicationFactor).containsOnly((short) 1);
  }
}
