package org.ungis.containers;

import org.testcontainers.utility.DockerImageName;

/**
 * Confluent's images: the broker as docker-compose.yml runs it, and Confluent's own Schema Registry
 * of the same Confluent Platform release, against which the containers tests prove that the
 * services need nothing of the platform's registry beyond Confluent's API (the compose file runs
 * the platform's registry, with its users). {@link ConfluentImagesTest} fails when the compose file
 * moves to another tag.
 */
final class ConfluentImages {

  /** The Confluent Platform release of docker-compose.yml (Kafka 4.1 in KRaft mode). */
  static final String TAG = "8.1.0";

  static final DockerImageName KAFKA = DockerImageName.parse("confluentinc/cp-kafka").withTag(TAG);

  static final DockerImageName SCHEMA_REGISTRY =
      DockerImageName.parse("confluentinc/cp-schema-registry").withTag(TAG);

  private ConfluentImages() {}
}
