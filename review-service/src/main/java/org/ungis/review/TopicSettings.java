package org.ungis.review;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the service creates the topics it owns ({@code ungis.topics.*}).
 *
 * @param replicationFactor replication factor of created topics (1 for the local stack)
 */
@ConfigurationProperties("ungis.topics")
public record TopicSettings(@DefaultValue("1") short replicationFactor) {}
