package org.ungis.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data training run the build makes as it packages an application ({@code bin/local-stack
 * --cds-training MODULE}, the root pom's {@code class-data-archive} execution), run on the portal's
 * built jar, also on CI (whose profile {@code ci} skips the build's own runs): the application's
 * context refreshes without a broker, a registry or an auth server, and the archive is written. The
 * build only warns when a training run fails (bin/local-stack then records an archive as the
 * application first runs), so a bean that reaches out while the context refreshes would go unseen;
 * here it fails. The portal: the most involved context (its OAuth2 client, the generated API
 * client, the Kafka listener of its live updates). The script and the jar are copied into a
 * directory of the test, so that the run always trains and leaves the module's own {@code
 * target/cds} as the build made it.
 */
class ClassDataTrainingIT {

  private static final String MODULE = "portal";

  @TempDir Path root;

  @Test
  void theTrainingRunOfThePortalRefreshesItsContextOfflineAndWritesTheArchive() throws Exception {
    RepoLayout repo = RepoLayout.locate();
    Path script = root.resolve("bin/local-stack");
    Files.createDirectories(script.getParent());
    Files.copy(repo.root().resolve("bin/local-stack"), script, StandardCopyOption.COPY_ATTRIBUTES);
    Path jar = repo.execJar(MODULE);
    assertThat(jar).as("the portal's jar (./mvnw package)").exists();
    Path copy = root.resolve(repo.root().relativize(jar));
    Files.createDirectories(copy.getParent());
    Files.copy(jar, copy, StandardCopyOption.COPY_ATTRIBUTES);

    Path output = root.resolve("training.out");
    ProcessBuilder training =
        new ProcessBuilder(script.toString(), "--cds-training", MODULE)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile());
    training.environment().put("JAVA_HOME", System.getProperty("java.home"));
    Process process = training.start();
    boolean ended = process.waitFor(5, TimeUnit.MINUTES);
    if (!ended) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    String said = Files.readString(output, StandardCharsets.UTF_8);
    Path dir = root.resolve(MODULE).resolve("target/cds");
    assertThat(ended).as("the training run ends: %s", said).isTrue();
    assertThat(process.exitValue()).as(said).isZero();
    assertThat(said).as(said).contains("class-data archive made").doesNotContain("WARNING");
    assertThat(dir.resolve("app.jsa")).as(said).isNotEmptyFile();
    assertThat(dir.resolve("stamp")).as(said).isNotEmptyFile();
  }
}
