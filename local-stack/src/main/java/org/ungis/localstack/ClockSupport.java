package org.ungis.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;

/**
 * Tells whether service exec jars support the setting {@code ungis.clock.start} (their own classes
 * or the platform libraries they carry mention it: platform-web's {@code ClockSettings} gives every
 * service that depends on it its clock), so that {@code bin/local-stack --demo} plays the 2023
 * timeline only when every service would run on it; a service on today's clock next to others on
 * 2023's would refuse the scenario's submissions as late.
 *
 * <p>{@code java -Dloader.main=org.ungis.localstack.ClockSupport -jar local-stack-exec.jar JAR...}
 * prints the jars without support and exits 1 if there are any.
 */
public final class ClockSupport {

  static final String SETTING = "ungis.clock";
  static final String PLATFORM_LIBRARIES = "BOOT-INF/lib/platform-";

  private ClockSupport() {}

  public static void main(String[] jars) throws IOException {
    List<String> without = new ArrayList<>();
    for (String jar : jars) {
      if (!mentions(jar, SETTING)) {
        without.add(jar);
      }
    }
    without.forEach(System.out::println);
    System.exit(without.isEmpty() ? 0 : 1);
  }

  /**
   * Whether a class of the application itself, or of one of the platform's libraries it carries
   * ({@code BOOT-INF/lib/platform-*.jar}), contains the text; other libraries do not count.
   */
  static boolean mentions(String jar, String text) throws IOException {
    byte[] needle = text.getBytes(StandardCharsets.UTF_8);
    try (ZipFile zip = new ZipFile(jar)) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        ZipEntry entry = entries.nextElement();
        String name = entry.getName();
        if (name.startsWith("BOOT-INF/classes/") && name.endsWith(".class")) {
          try (InputStream in = zip.getInputStream(entry)) {
            if (contains(in.readAllBytes(), needle)) {
              return true;
            }
          }
        } else if (name.startsWith(PLATFORM_LIBRARIES) && name.endsWith(".jar")) {
          try (InputStream in = zip.getInputStream(entry)) {
            if (anyClassContains(new ZipInputStream(in), needle)) {
              return true;
            }
          }
        }
      }
    }
    return false;
  }

  private static boolean anyClassContains(ZipInputStream library, byte[] needle)
      throws IOException {
    for (ZipEntry entry = library.getNextEntry(); entry != null; entry = library.getNextEntry()) {
      if (entry.getName().endsWith(".class") && contains(library.readAllBytes(), needle)) {
        return true;
      }
    }
    return false;
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
