package org.ungis.e2e.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

class BrowserRequirementTest {

  @TempDir Path dir;

  @Test
  void aMissingBrowserSkipsTheTestWithTheCommandThatInstallsIt() {
    BrowserRequirement absent =
        new BrowserRequirement(dir.resolve("chromium"), dir.resolve("chromedriver"));

    assertThatThrownBy(() -> absent.check(Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining(dir.resolve("chromium").toString())
        .hasMessageContaining(
            "apt-get install -y --no-install-recommends chromium chromium-driver");
    assertThatThrownBy(() -> absent.check(Map.of("CI", "false")))
        .isInstanceOf(TestAbortedException.class);
  }

  @Test
  void onCiAMissingBrowserFailsTheTestInsteadOfSkippingIt() {
    BrowserRequirement absent =
        new BrowserRequirement(dir.resolve("chromium"), dir.resolve("chromedriver"));

    assertThatThrownBy(() -> absent.check(Map.of("CI", "true")))
        .isInstanceOf(AssertionError.class)
        .isNotInstanceOf(TestAbortedException.class)
        .hasMessageContaining("never skipped on CI");
  }

  @Test
  void anInstalledBrowserRunsOnCiAndElsewhere() throws Exception {
    Path chromium = executable("chromium");
    Path driver = executable("chromedriver");
    BrowserRequirement installed = new BrowserRequirement(chromium, driver);

    assertThat(installed.missing()).isEmpty();
    assertThatCode(() -> installed.check(Map.of("CI", "true"))).doesNotThrowAnyException();
    assertThatCode(() -> installed.check(Map.of())).doesNotThrowAnyException();
  }

  @Test
  void aBrowserWithoutItsDriverIsMissingTheDriver() throws Exception {
    BrowserRequirement noDriver =
        new BrowserRequirement(executable("chromium"), dir.resolve("chromedriver"));

    assertThat(noDriver.missing()).containsExactly(dir.resolve("chromedriver"));
  }

  private Path executable(String name) throws Exception {
    return Files.createFile(
        dir.resolve(name),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
  }
}
