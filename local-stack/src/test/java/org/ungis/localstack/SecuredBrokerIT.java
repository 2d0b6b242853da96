package org.ungis.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.schemas.Topic;
import org.ungis.schemas.Topics;
import org.ungis.schemas.access.AccessRules;
import org.ungis.schemas.access.BrokerAccess;

/**
 * A broker run as production runs it (SASL, {@code StandardAuthorizer}, nothing allowed without an
 * ACL) with the platform's access rules applied, started as {@code bin/local-stack} and the
 * end-to-end tests start theirs ({@code --secured}, development passwords): each principal does
 * what the rules grant it and is refused the rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecuredBrokerIT {

  private static final Duration PROPAGATION = Duration.ofSeconds(30);

  @TempDir static Path dataDir;

  private LocalKafkaBroker broker;
  private final Map<String, String> passwords = LocalBrokerAccess.developmentPasswords();

  @BeforeAll
  void startTheBrokerWithTheRules() throws Exception {
    // As bin/local-stack and the end-to-end tests' PlatformStack start it (--secured).
    broker =
        LocalBrokerAccess.startWithDevelopmentAccess(
            LocalKafkaBroker.Settings.fromArgs("--data-dir", dataDir.toString(), "--secured")
                .withFreePorts());
    try (Admin admin = Admin.create(broker.adminClientProperties())) {
      admin
          .createTopics(Topics.ALL.stream().map(topic -> topic.newTopic((short) 1)).toList())
          .all()
          .get();
    }
  }

  @AfterAll
  void stopTheBroker() {
    if (broker != null) {
      broker.close();
    }
  }

  @Test
  void reviewServiceWritesTheReviewsTopic() {
    String key = "contribution-" + UUID.randomUUID();
    await("review-service's decision is written")
        .atMost(PROPAGATION)
        .ignoreExceptionsInstanceOf(ExecutionException.class)
        .untilAsserted(() -> send("review-service", true, Topics.REVIEWS, key));
    assertThat(readAll("publication-service", Topics.REVIEWS)).contains(key);
  }

  @Test
  void anAgencyCannotForgeADecisionNorAContribution() {
    for (Topic<?> topic : List.of(Topics.REVIEWS, Topics.CONTRIBUTIONS)) {
      long before = endOffset(topic);
      assertThatThrownBy(() -> send(BrokerAccess.AGENCY, false, topic, "forged"))
          .as("the agency producing to %s", topic.name())
          .hasRootCauseInstanceOf(TopicAuthorizationException.class);
      assertThat(endOffset(topic)).as("records in %s", topic.name()).isEqualTo(before);
    }
  }

  @Test
  void theRecordsReaderCannotWriteEitherInputTopic() {
    for (Topic<?> topic : List.of(Topics.REVIEWS, Topics.CONTRIBUTIONS, Topics.RECORDS)) {
      assertThatThrownBy(() -> send(BrokerAccess.RECORDS_READER, false, topic, "forged"))
          .as("the records reader producing to %s", topic.name())
          .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    }
  }

  @Test
  void theRecordsReaderReadsTheRecordsButNotTheReviews() {
    String key = "gdc-" + UUID.randomUUID();
    await("publication-service's edition is written")
        .atMost(PROPAGATION)
        .ignoreExceptionsInstanceOf(ExecutionException.class)
        .untilAsserted(() -> send("publication-service", true, Topics.RECORDS, key));

    try (KafkaConsumer<String, String> consumer =
        consumer(BrokerAccess.RECORDS_READER, "records-reader-" + UUID.randomUUID())) {
      consumer.subscribe(List.of(Topics.RECORDS.name()));
      List<String> keys = new ArrayList<>();
      await("the records reader sees the edition")
          .atMost(PROPAGATION)
          .until(
              () -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> keys.add(record.key()));
                return keys.contains(key);
              });
    }
    try (KafkaConsumer<String, String> consumer =
        consumer(BrokerAccess.RECORDS_READER, "records-reader-" + UUID.randomUUID())) {
      consumer.subscribe(List.of(Topics.REVIEWS.name()));
      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
          .isInstanceOf(TopicAuthorizationException.class);
    }
    try (KafkaConsumer<String, String> consumer =
        consumer(BrokerAccess.RECORDS_READER, "someone-elses-group")) {
      consumer.subscribe(List.of(Topics.RECORDS.name()));
      assertThatThrownBy(() -> consumer.poll(Duration.ofSeconds(10)))
          .isInstanceOf(GroupAuthorizationException.class);
    }
  }

  @Test
  void aServiceCannotWriteATopicItDoesNotOwn() {
    assertThatThrownBy(() -> send("contributions-service", false, Topics.REVIEWS, "forged"))
        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    assertThatThrownBy(() -> send("review-service", false, Topics.RECORDS, "forged"))
        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
    assertThatThrownBy(() -> send("portal", false, Topics.CONTRIBUTIONS, "forged"))
        .hasRootCauseInstanceOf(TopicAuthorizationException.class);
  }

  @Test
  void aClientWithoutTheRightPasswordCannotSignIn() {
    assertThatThrownBy(() -> sendAs(broker.clientProperties("review-service", "guess"), false))
        .hasRootCauseInstanceOf(SaslAuthenticationException.class);
  }

  @Test
  void applyingTheRulesAgainChangesNothingAndRemovesAGrantTheyDoNotHave() throws Exception {
    AclBinding stray =
        new AclBinding(
            new ResourcePattern(ResourceType.TOPIC, Topics.REVIEWS.name(), PatternType.LITERAL),
            new AccessControlEntry(
                "User:" + BrokerAccess.AGENCY, "*", AclOperation.WRITE, AclPermissionType.ALLOW));
    try (Admin admin = Admin.create(broker.adminClientProperties())) {
      admin.createAcls(List.of(stray)).all().get();

      AccessRules.Applied again = AccessRules.apply(admin);
      assertThat(again.added()).isEmpty();
      assertThat(again.removed()).containsExactly(stray);
      assertThat(AccessRules.apply(admin)).isEqualTo(new AccessRules.Applied(Set.of(), Set.of()));
    }
  }

  private void send(String principal, boolean idempotent, Topic<?> topic, String key)
      throws Exception {
    Map<String, Object> config = broker.clientProperties(principal, passwords.get(principal));
    try (KafkaProducer<String, String> producer = producer(config, idempotent)) {
      producer.send(new ProducerRecord<>(topic.name(), key, "value")).get();
    }
  }

  private void sendAs(Map<String, Object> config, boolean idempotent) throws Exception {
    try (KafkaProducer<String, String> producer = producer(config, idempotent)) {
      producer.send(new ProducerRecord<>(Topics.REVIEWS.name(), "key", "value")).get();
    }
  }

  private static KafkaProducer<String, String> producer(
      Map<String, Object> config, boolean idempotent) {
    Map<String, Object> producer = new HashMap<>(config);
    producer.put(ProducerConfig.ACKS_CONFIG, "all");
    // An attacker would not ask for idempotence: the refusal must come from the topic's ACL.
    producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, idempotent);
    producer.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
    producer.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 10_000);
    producer.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    return new KafkaProducer<>(producer, new StringSerializer(), new StringSerializer());
  }

  private KafkaConsumer<String, String> consumer(String principal, String group) {
    Map<String, Object> config =
        new HashMap<>(broker.clientProperties(principal, passwords.get(principal)));
    config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
  }

  /** Every key of the topic, read by assignment (no group) as {@code principal}. */
  private List<String> readAll(String principal, Topic<?> topic) {
    Map<String, Object> config =
        new HashMap<>(broker.clientProperties(principal, passwords.get(principal)));
    List<String> keys = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = partitions(topic);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          keys.add(record.key());
        }
      }
    }
    return keys;
  }

  /** The topic's records, as the super user counts them. */
  private long endOffset(Topic<?> topic) {
    try (Admin admin = Admin.create(broker.adminClientProperties())) {
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      partitions(topic).forEach(partition -> latest.put(partition, OffsetSpec.latest()));
      return admin.listOffsets(latest).all().get().values().stream()
          .mapToLong(info -> info.offset())
          .sum();
    } catch (InterruptedException | ExecutionException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<TopicPartition> partitions(Topic<?> topic) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < topic.partitions(); p++) {
      partitions.add(new TopicPartition(topic.name(), p));
    }
    return partitions;
  }
}
