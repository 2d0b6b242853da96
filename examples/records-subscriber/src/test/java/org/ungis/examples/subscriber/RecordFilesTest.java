package org.ungis.examples.subscriber;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ungis.examples.subscriber.RecordEvents.GDC;
import static org.ungis.examples.subscriber.RecordEvents.entry;
import static org.ungis.examples.subscriber.RecordEvents.entryKey;
import static org.ungis.examples.subscriber.RecordEvents.manifest;
import static org.ungis.examples.subscriber.RecordEvents.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ungis.events.record.RecordEntry;
import org.ungis.publication.client.RecordAssembler.AssembledRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecordFilesTest {

  static final RecordEntry ITU = entry("c-itu", "ITU", 2, "Connectivity for all");
  static final RecordEntry UNDP = entry("c-undp", "UNDP", 1, "Digital public goods");
  static final RecordEntry UNESCO = entry("c-unesco", "UNESCO", 1, "Information integrity");

  @TempDir Path out;
  RecordFiles files;

  @BeforeEach
  void create() throws IOException {
    files = new RecordFiles(out);
  }

  @Test
  void writesAnEditionOnceEveryEntryItNamesHasArrived() throws IOException {
    files.accept(GDC, manifest(GDC, 1, false, ITU, UNDP));
    files.accept(entryKey(GDC, "c-itu"), text(GDC, ITU));

    assertThat(files.writeChanged()).isEmpty();
    assertThat(out.resolve("gdc-2023.json")).doesNotExist();

    files.accept(entryKey(GDC, "c-undp"), text(GDC, UNDP));

    assertThat(files.writeChanged())
        .containsExactly(out.resolve("gdc-2023.json"), out.resolve("gdc-2023.md"));
    JsonNode json = json();
    assertThat(json.path("edition").asInt()).isEqualTo(1);
    assertThat(json.path("call").path("title").asString()).isEqualTo("Global Digital Compact");
    assertThat(contributionIds(json)).containsExactly("c-itu", "c-undp");
    assertThat(json.path("entries").get(0).path("body").asString())
        .isEqualTo("First paragraph of Connectivity for all.\n\nSecond paragraph.");
  }

  @Test
  void aTombstoneRemovesAnEntryAndTheNextEditionReplacesTheFile() throws IOException {
    files.accept(entryKey(GDC, "c-itu"), text(GDC, ITU));
    files.accept(entryKey(GDC, "c-undp"), text(GDC, UNDP));
    files.accept(GDC, manifest(GDC, 1, false, ITU, UNDP));
    files.writeChanged();

    files.accept(entryKey(GDC, "c-unesco"), text(GDC, UNESCO));
    files.accept(entryKey(GDC, "c-itu"), null);
    files.accept(GDC, manifest(GDC, 2, false, UNDP, UNESCO));
    files.writeChanged();

    JsonNode json = json();
    assertThat(json.path("edition").asInt()).isEqualTo(2);
    assertThat(contributionIds(json)).containsExactly("c-undp", "c-unesco");
    assertThat(Files.readString(out.resolve("gdc-2023.md")))
        .contains("edition 2", "Information integrity", "Digital public goods")
        .doesNotContain("Connectivity for all");
    try (var listing = Files.list(out)) {
      assertThat(listing.map(p -> p.getFileName().toString()))
          .as("no temporary file is left behind")
          .containsExactlyInAnyOrder("gdc-2023.json", "gdc-2023.md");
    }
  }

  @Test
  void anEntryInAnOlderRevisionThanTheManifestNamesIsNotComplete() throws IOException {
    RecordEntry revised = entry("c-itu", "ITU", 3, "Connectivity for all, revised");
    files.accept(entryKey(GDC, "c-itu"), text(GDC, ITU));
    files.accept(GDC, manifest(GDC, 4, false, revised));

    assertThat(files.writeChanged()).isEmpty();

    files.accept(entryKey(GDC, "c-itu"), text(GDC, revised));
    files.writeChanged();

    assertThat(json().path("entries").get(0).path("revision").asInt()).isEqualTo(3);
  }

  @Test
  void aReplayedMessageDoesNotRewriteTheFile() throws IOException {
    files.accept(entryKey(GDC, "c-itu"), text(GDC, ITU));
    files.accept(GDC, manifest(GDC, 1, false, ITU));
    assertThat(files.writeChanged()).hasSize(2);

    files.accept(entryKey(GDC, "c-itu"), text(GDC, ITU));

    assertThat(files.writeChanged()).isEmpty();
  }

  @Test
  void theFinalEditionIsMarkedAndADeletedManifestDeletesTheFiles() throws IOException {
    files.accept(entryKey(GDC, "c-itu"), text(GDC, ITU));
    files.accept(GDC, manifest(GDC, 2, true, ITU));
    files.writeChanged();

    assertThat(json().path("finalEdition").asBoolean()).isTrue();
    assertThat(Files.readString(out.resolve("gdc-2023.md"))).contains("edition 2 (final)");

    files.accept(GDC, null);
    files.writeChanged();

    assertThat(out.resolve("gdc-2023.json")).doesNotExist();
    assertThat(out.resolve("gdc-2023.md")).doesNotExist();
  }

  @Test
  void aKeyThatIsNoProcessIdNeverBecomesAFileName() throws IOException {
    files.accept("../evil", manifest("../evil", 1, false));

    assertThat(files.writeChanged()).isEmpty();
    assertThat(out.getParent().resolve("evil.json")).doesNotExist();
  }

  @Test
  void markdownEscapesTextFromTheTopic() {
    RecordEntry hostile =
        entry("c-x", "ITU", 1, "<script>alert(1)</script> [click](javascript:alert(1))");

    String markdown =
        RecordDocuments.markdown(
            new AssembledRecord(
                GDC,
                (org.ungis.events.record.RecordEdition)
                    manifest(GDC, 1, false, hostile).getPayload(),
                RecordEvents.T0,
                List.of(hostile)));

    assertThat(markdown)
        .contains("\\<script\\>alert\\(1\\)\\</script\\> \\[click\\]\\(javascript:alert\\(1\\)\\)")
        .contains("- <https://example.org/c-x>");
  }

  private JsonNode json() throws IOException {
    return JsonMapper.builder().build().readTree(Files.readString(out.resolve("gdc-2023.json")));
  }

  private static List<String> contributionIds(JsonNode json) {
    return json.path("entries")
        .valueStream()
        .map(e -> e.path("contributionId").asString())
        .toList();
  }
}
