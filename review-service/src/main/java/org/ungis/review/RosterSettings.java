package org.ungis.review;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the roster comes from ({@code ungis.roster}): a YAML file in the format of the bundled
 * {@code org/ungis/reference/roster.yml}; unset means the bundled roster.
 *
 * @param roster path of the roster file, or {@code null}
 */
@ConfigurationProperties("ungis")
public record RosterSettings(Path roster) {}
