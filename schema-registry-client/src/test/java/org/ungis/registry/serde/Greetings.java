package org.ungis.registry.serde;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.ungis.registry.testing.Greeting;
import org.ungis.registry.testing.Tone;

/** Test data: greetings of the test schema, and its later versions. */
public final class Greetings {

  private Greetings() {}

  public static Greeting greeting(int n) {
    return Greeting.newBuilder()
        .setId(UUID.nameUUIDFromBytes(("greeting-" + n).getBytes()))
        .setSentAt(Instant.parse("2026-11-29T08:00:00Z").plus(n, ChronoUnit.MINUTES))
        .setSender("ITU")
        .setText("Bonjour n°" + n + " — مرحبا 你好")
        .setTone(n % 2 == 0 ? Tone.FORMAL : Tone.WARM)
        .setTags(List.of("wsis", "c" + (n % 11 + 1)))
        .setNote(n % 3 == 0 ? null : "note " + n)
        .build();
  }

  /** Version 2 of Greeting: a new optional field {@code audience} (a compatible change). */
  public static Schema v2() {
    return schema("Greeting-v2.avsc");
  }

  /** A breaking change to Greeting: a new field {@code priority} without a default. */
  public static Schema v3Breaking() {
    return schema("Greeting-v3-breaking.avsc");
  }

  private static Schema schema(String resource) {
    try (InputStream in = Greeting.class.getResourceAsStream(resource)) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code greeting} as a version-2 GenericRecord with {@code audience} set. */
  public static GenericRecord v2Record(Greeting greeting, String audience) {
    Schema v2 = v2();
    GenericData.Record record = new GenericData.Record(v2);
    record.put("id", greeting.getId().toString());
    record.put("sentAt", greeting.getSentAt().toEpochMilli());
    record.put("sender", greeting.getSender());
    record.put("text", greeting.getText());
    record.put(
        "tone",
        new GenericData.EnumSymbol(v2.getField("tone").schema(), greeting.getTone().name()));
    record.put("tags", greeting.getTags());
    record.put("note", greeting.getNote());
    record.put("audience", audience);
    return record;
  }
}
