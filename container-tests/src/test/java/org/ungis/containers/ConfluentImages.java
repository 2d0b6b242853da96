package org.ungis.containers;

import org.testcontainers.utility.DockerImageName;

/**
 * Confluent's images as docker-compose.yml runs them: the production shape the containers tests
 * reproduce. {@link ConfluentImagesTest} fails when the compose file moves to another tag.
 */
final class ConfluentImages {

  /** The Confluent Platform release of docker-compose.yml (Kafka 4.1 in KRaft mode). */
  static final String TAG = "8.1.0";

  static final DockerImageName KAFKA = DockerImageName.parse("confluentinc/cp-kafka").withTag(TAG);

  static final DockerImageName SCHEMA_REGISTRY =
      DockerImageName.parse("confluentinc/cp-schema-registry").withTag(TAG);

  private ConfluentImages() {}
}
