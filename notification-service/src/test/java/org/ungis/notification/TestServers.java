package org.ungis.notification;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.schemas.Topics;

/**
 * The servers a test class of the service needs beside its embedded broker: a real SMTP server
 * (GreenMail) and the schema registry, on the broker the class's context started (the input topics
 * created first, as their owners would). Started on first use, from a {@code DynamicPropertySource}
 * once the broker runs; one per test class, closed after it.
 */
final class TestServers implements AutoCloseable {

  private GreenMail smtp;
  private EmbeddedSchemaRegistry registry;

  synchronized GreenMail smtp() {
    if (smtp == null) {
      smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
      smtp.start();
    }
    return smtp;
  }

  synchronized EmbeddedSchemaRegistry registry() {
    if (registry == null) {
      String brokers = System.getProperty("spring.embedded.kafka.brokers");
      try (Admin admin =
          Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
        admin
            .createTopics(
                List.of(Topics.CONTRIBUTIONS, Topics.REVIEWS, Topics.PROCESSES, Topics.RECORDS)
                    .stream()
                    .map(t -> new NewTopic(t.name(), t.partitions(), (short) 1))
                    .toList())
            .all()
            .get();
      } catch (Exception e) {
        throw new IllegalStateException("cannot create the input topics", e);
      }
      registry = EmbeddedSchemaRegistry.start(brokers);
    }
    return registry;
  }

  /** Every e-mail the SMTP server received. */
  List<MimeMessage> mails() {
    return List.of(smtp().getReceivedMessages());
  }

  /** A producer of Avro events through the registry, as the other services write them. */
  KafkaProducer<String, Object> producer(String brokers) {
    Map<String, Object> config = new HashMap<>();
    config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
    config.put(ProducerConfig.ACKS_CONFIG, "all");
    config.putAll(registry().clientConfig());
    KafkaAvroSerializer values = new KafkaAvroSerializer();
    values.configure(config, false);
    return new KafkaProducer<>(config, new StringSerializer(), values);
  }

  @Override
  public synchronized void close() {
    if (registry != null) {
      registry.close();
    }
    if (smtp != null) {
      smtp.stop();
    }
  }
}
