package org.ungis.publication;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the service.
 *
 * @param roster a roster YAML file ({@code ungis.roster}); the bundled roster when unset
 * @param replicationFactor replication factor of the topics this service creates
 * @param publication how editions are published ({@code ungis.publication.*})
 */
@ConfigurationProperties("ungis")
public record PublicationSettings(
    Path roster,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue Publication publication) {

  /**
   * How editions are published.
   *
   * @param editionInterval how often (wall-clock time) each record whose entries changed gets one
   *     edition with all the changes since its previous edition ({@code
   *     ungis.publication.edition-interval}, default 250 ms); {@code 0} publishes an edition for
   *     every single change, as before batching (a record of n entries then costs O(n²))
   * @param fonts the directory of the fonts that the PDF embeds ({@code ungis.publication.fonts},
   *     default {@code /usr/share/fonts/truetype}, where Debian's {@code fonts-noto-core} and
   *     {@code fonts-droid-fallback} put them)
   */
  public record Publication(
      @DefaultValue("250ms") Duration editionInterval,
      @DefaultValue("/usr/share/fonts/truetype") Path fonts) {

    public Publication {
      if (editionInterval == null || editionInterval.isNegative()) {
        throw new IllegalArgumentException(
            "ungis.publication.edition-interval must be 0 or positive: " + editionInterval);
      }
    }
  }
}
