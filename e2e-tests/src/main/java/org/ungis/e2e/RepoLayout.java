package org.ungis.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** Finds the repository root and the exec jars the modules build into their {@code target/}. */
public final class RepoLayout {

  public static final String VERSION = "0.1.0-SNAPSHOT";

  private final Path root;

  private RepoLayout(Path root) {
    this.root = root;
  }

  /**
   * The repository root: the system property {@code ungis.repo.root} if set, else the nearest
   * directory above the working directory that holds {@code mvnw} and {@code local-stack/}.
   */
  public static RepoLayout locate() {
    String configured = System.getProperty("ungis.repo.root");
    if (configured != null) {
      return new RepoLayout(Path.of(configured).toAbsolutePath().normalize());
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("local-stack"))) {
        return new RepoLayout(dir);
      }
    }
    throw new IllegalStateException(
        "Cannot find the repository root above " + Path.of("").toAbsolutePath());
  }

  public Path root() {
    return root;
  }

  /** The modules whose exec jars run as processes of the platform. */
  public static final List<String> RUNNABLE_MODULES =
      List.of(
          "local-stack",
          "schema-registry",
          "contributions-service",
          "review-service",
          "publication-service",
          "notification-service",
          "auth-server",
          "gateway",
          "portal");

  /**
   * Copies the exec jars that exist into {@code dir} (as {@code dir/<module>/target/...}) and
   * returns the layout of the copy. Fails, naming the command to run, if a required jar is missing.
   */
  public RepoLayout copyJarsTo(Path dir) {
    RepoLayout copy = new RepoLayout(dir);
    try {
      for (String module : RUNNABLE_MODULES) {
        Path jar = execJar(module);
        if (Files.exists(jar)) {
          Path target = copy.execJar(module);
          Files.createDirectories(target.getParent());
          Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copy;
  }

  /** {@code <module>/target/<module>-0.1.0-SNAPSHOT-exec.jar} */
  public Path execJar(String module) {
    return root.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
  }
}
