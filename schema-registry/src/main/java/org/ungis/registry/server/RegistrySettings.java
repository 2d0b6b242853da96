package org.ungis.registry.server;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.ungis.registry.server.core.CompatibilityLevel;

/**
 * Settings of the registry ({@code schema-registry.*}); the broker and client settings come from
 * {@code spring.kafka.*}.
 *
 * @param topic the compacted log topic (Confluent's {@code kafkastore.topic})
 * @param topicReplicationFactor replication factor used when the topic is created
 * @param defaultCompatibility the global level until one is set with {@code PUT /config}
 * @param initTimeout how long start-up may take to read the log to its end
 * @param writeTimeout how long a write may take to be acknowledged and read back
 */
@ConfigurationProperties("schema-registry")
public record RegistrySettings(
    @DefaultValue("_schemas") String topic,
    @DefaultValue("1") short topicReplicationFactor,
    @DefaultValue("BACKWARD") CompatibilityLevel defaultCompatibility,
    @DefaultValue("60s") Duration initTimeout,
    @DefaultValue("10s") Duration writeTimeout) {}
