package org.ungis.contributions;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of contributions-service ({@code ungis.*}).
 *
 * @param roster a roster YAML file; empty for the bundled roster
 * @param viewTimeout how long a write waits for the local view to show it (read-your-writes)
 * @param sendTimeout how long a write waits for Kafka to acknowledge the event
 * @param replicationFactor replication factor of the topics this service declares
 */
@ConfigurationProperties("ungis")
public record ContributionsSettings(
    Path roster,
    @DefaultValue("5s") Duration viewTimeout,
    @DefaultValue("15s") Duration sendTimeout,
    @DefaultValue("1") short replicationFactor) {}
