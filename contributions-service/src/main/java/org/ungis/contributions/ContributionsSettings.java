package org.ungis.contributions;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of contributions-service ({@code ungis.*}).
 *
 * @param roster a roster YAML file; empty for the bundled roster
 * @param viewTimeout how long a write waits for the local view to show it (read-your-writes)
 * @param sendTimeout how long a write waits for Kafka to acknowledge the event
 * @param replicationFactor replication factor of the topics this service declares
 * @param maxRequestBody the longest request body the several-instances routing reads into memory
 *     (to forward it); a longer one is answered 413. Above the longest valid contribution (a
 *     50,000-character body, 2,000-character summary, 300-character title and 50 links of 2,048
 *     characters: about 520 KB of UTF-8 at worst) with margin
 */
@ConfigurationProperties("ungis")
public record ContributionsSettings(
    Path roster,
    @DefaultValue("5s") Duration viewTimeout,
    @DefaultValue("15s") Duration sendTimeout,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue("1MB") DataSize maxRequestBody) {}
