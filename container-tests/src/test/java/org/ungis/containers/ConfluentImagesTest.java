package org.ungis.containers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The containers tests run the broker image docker-compose.yml runs, at the same tag, and
 * Confluent's registry of that release; the compose file runs the platform's own registry.
 */
class ConfluentImagesTest {

  @Test
  void theContainersTestsUseTheImagesOfTheComposeFile() throws IOException {
    String compose = Files.readString(composeFile());
    assertThat(imageIn(compose, ConfluentImages.KAFKA.getRepository()))
        .isEqualTo(ConfluentImages.KAFKA.asCanonicalNameString());
    assertThat(ConfluentImages.SCHEMA_REGISTRY.getVersionPart())
        .isEqualTo(ConfluentImages.KAFKA.getVersionPart());
    assertThat(imageIn(compose, "ungis/schema-registry"))
        .as("the compose file's registry is the platform's own, with its users")
        .startsWith("ungis/schema-registry:");
  }

  /** The image a compose service runs, e.g. {@code confluentinc/cp-kafka:8.1.0}. */
  private static String imageIn(String compose, String repository) {
    Matcher image =
        Pattern.compile("(?m)^\\s*image:\\s*\"?(" + Pattern.quote(repository) + ":[^\\s\"]+)")
            .matcher(compose);
    assertThat(image.find()).as("docker-compose.yml runs %s", repository).isTrue();
    return image.group(1);
  }

  private static Path composeFile() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("docker-compose.yml");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError("no docker-compose.yml above " + Path.of("").toAbsolutePath());
  }
}
