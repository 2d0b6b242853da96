package org.ungis.publication.record.messaging;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.stereotype.Component;
import org.ungis.registry.client.SchemaRegistryClient;
import org.ungis.registry.client.SchemaRegistryClients;
import org.ungis.schemas.Topics;

/**
 * Pins the compatibility level of the records' value subject before the first edition is published:
 * downstream systems replay {@code ungis.records.v1} from the beginning, so every version must read
 * every older one (BACKWARD_TRANSITIVE), not only the latest (the registry's default).
 */
@Component
class RecordsContract {

  private static final Logger log = LoggerFactory.getLogger(RecordsContract.class);

  private final SchemaRegistryClient registry;

  RecordsContract(KafkaProperties kafka) {
    this.registry = SchemaRegistryClients.forConfig(kafka.getProperties());
  }

  /** Sets the level; a registry that cannot be reached fails the start, which is retried. */
  void pinCompatibility() {
    String subject = Topics.RECORDS.valueSubject();
    String level = registry.updateCompatibility(subject, Topics.RECORDS.compatibility());
    log.info("schema compatibility of {} is {}", subject, level);
  }
}
