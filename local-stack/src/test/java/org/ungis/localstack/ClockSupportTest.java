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

  @Test
  void aPlatformLibraryWhoseClassesMentionTheSettingSupportsIt() throws IOException {
    byte[] library =
        Files.readAllBytes(
            jar(
                "org/ungis/web/ClockSettings.class",
                "...@ConfigurationProperties(ungis.clock)..."));
    Path jar =
        jar(
            "BOOT-INF/classes/org/ungis/review/ReviewServiceApplication.class",
            "...",
            "BOOT-INF/lib/platform-web-0.1.0.jar",
            library);

    assertThat(ClockSupport.mentions(jar.toString(), ClockSupport.SETTING)).isTrue();
  }

  @Test
  void aPlatformLibraryThatDoesNotMentionTheSettingDoesNotCount() throws IOException {
    byte[] library = Files.readAllBytes(jar("org/ungis/web/PageRequest.class", "page size"));
    Path jar = jar("BOOT-INF/lib/platform-web-0.1.0.jar", library);

    assertThat(ClockSupport.mentions(jar.toString(), ClockSupport.SETTING)).isFalse();
  }

  private Path jar(Object... namesAndContents) throws IOException {
    Path jar = Files.createTempFile(dir, "app", ".jar");
    try (OutputStream file = Files.newOutputStream(jar);
        ZipOutputStream zip = new ZipOutputStream(file)) {
      for (int i = 0; i < namesAndContents.length; i += 2) {
        zip.putNextEntry(new ZipEntry((String) namesAndContents[i]));
        Object content = namesAndContents[i + 1];
        zip.write(
            content instanceof byte[] bytes
                ? bytes
                : ((String) content).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
    }
    return jar;
  }
}
