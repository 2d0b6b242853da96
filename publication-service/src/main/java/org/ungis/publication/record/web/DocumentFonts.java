package org.ungis.publication.record.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The fonts the PDF embeds, so that every script of the six UN languages renders: Latin and
 * Cyrillic (Noto Serif), Arabic (Noto Naskh Arabic), Chinese (Droid Sans Fallback). They are read
 * from one directory (setting {@code ungis.publication.fonts}), laid out as Debian installs them.
 */
final class DocumentFonts {

  /**
   * One font file.
   *
   * @param family the CSS family name the document uses
   * @param weight 400 or 700
   * @param italic whether it is the italic face
   * @param file its path under the font directory
   * @param debianPackage the Debian package that installs it there
   */
  record Font(String family, int weight, boolean italic, String file, String debianPackage) {}

  /** The families, in the order the document's CSS tries them. */
  static final String FAMILIES = "'Noto Serif', 'Noto Naskh Arabic', 'Droid Sans Fallback'";

  static final List<Font> REQUIRED =
      List.of(
          new Font("Noto Serif", 400, false, "noto/NotoSerif-Regular.ttf", "fonts-noto-core"),
          new Font("Noto Serif", 700, false, "noto/NotoSerif-Bold.ttf", "fonts-noto-core"),
          new Font("Noto Serif", 400, true, "noto/NotoSerif-Italic.ttf", "fonts-noto-core"),
          new Font("Noto Serif", 700, true, "noto/NotoSerif-BoldItalic.ttf", "fonts-noto-core"),
          new Font(
              "Noto Naskh Arabic",
              400,
              false,
              "noto/NotoNaskhArabic-Regular.ttf",
              "fonts-noto-core"),
          new Font(
              "Noto Naskh Arabic", 700, false, "noto/NotoNaskhArabic-Bold.ttf", "fonts-noto-core"),
          new Font(
              "Droid Sans Fallback",
              400,
              false,
              "droid/DroidSansFallbackFull.ttf",
              "fonts-droid-fallback"));

  private final Path directory;

  DocumentFonts(Path directory) {
    this.directory = directory;
  }

  Path path(Font font) {
    return directory.resolve(font.file());
  }

  /** What is missing, one line per file, naming the Debian package that installs it. */
  List<String> missing() {
    return REQUIRED.stream()
        .filter(f -> !Files.isReadable(path(f)))
        .map(f -> path(f) + " (Debian package " + f.debianPackage() + ")")
        .toList();
  }

  /**
   * Refuses to render without every font: a PDF whose Arabic or Chinese falls back to a font
   * without those glyphs would not be a document anyone can issue.
   */
  void requireAll() {
    List<String> missing = missing();
    if (!missing.isEmpty()) {
      throw new MissingFontsException(
          "The PDF needs fonts that are not installed: "
              + String.join("; ", missing)
              + ". Install them (apt-get install fonts-noto-core fonts-droid-fallback) or set"
              + " ungis.publication.fonts to a directory that has them.");
    }
  }

  /** Thrown when a font the PDF needs is missing. */
  static final class MissingFontsException extends RuntimeException {
    MissingFontsException(String message) {
      super(message);
    }
  }
}
