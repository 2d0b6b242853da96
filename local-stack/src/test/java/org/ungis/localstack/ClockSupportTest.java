package org.ungis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClockSupportTest {

  @TempDir Path dir;

  @Test
  void aJarWhoseOwnClassesMentionTheSettingSupportsIt() throws IOException {
    Path jar =
        jar(
            "BOOT-INF/classes/org/ungis/review/ClockSettings.class",
            "...@ConfigurationProperties(ungis.clock)...");

    assertThat(ClockSupport.mentions(jar.toString(), ClockSupport.SETTING)).isTrue();
  }

  @Test
  void theSettingInALibraryOrAResourceDoesNotCount() throws IOException {
    Path jar =
        jar("BOOT-INF/lib/other.jar", "ungis.clock", "BOOT-INF/classes/a.yml", "ungis.clock");

    assertThat(ClockSupport.mentions(jar.toString(), ClockSupport.SETTING)).isFalse();
  }

  private Path jar(String... namesAndContents) throws IOException {
    Path jar = Files.createTempFile(dir, "app", ".jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry(namesAndContents[i]));
        zip.write(namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
