package org.ungis.publication;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the service.
 *
 * @param roster a roster YAML file ({@code ungis.roster}); the bundled roster when unset
 * @param replicationFactor replication factor of the topics this service creates
 */
@ConfigurationProperties("ungis")
public record PublicationSettings(Path roster, @DefaultValue("1") short replicationFactor) {}
