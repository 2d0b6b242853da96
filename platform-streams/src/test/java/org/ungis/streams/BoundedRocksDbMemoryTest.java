package org.ungis.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedRocksDbMemoryTest {

  private static final long BUDGET = 4L * 1024 * 1024;

  @TempDir Path stateDir;

  @Test
  void everyStoreOfTheJvmSharesOneBoundedCacheAndLosesNothing() {
    var builder = new StreamsBuilder();
    for (String topic : new String[] {"left", "right"}) {
      builder.table(
          topic,
          Consumed.with(Serdes.String(), Serdes.String()),
          Materialized.<String, String>as(Stores.persistentKeyValueStore(topic + "-store")));
    }
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "bounded-memory-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, 0);
    props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbMemory.class);
    // as Spring passes them: strings
    props.put(BoundedRocksDbMemory.MEMORY_BYTES, Long.toString(BUDGET));
    props.put(BoundedRocksDbMemory.MEMTABLE_RATIO, "0.5");

    // 20 MB per store, five times the budget of both together; in large values, because the test
    // driver commits (and so flushes RocksDB) after every record
    String value = "x".repeat(40_000);
    int records = 500;
    try (var driver = new TopologyTestDriver(builder.build(), props)) {
      for (String topic : new String[] {"left", "right"}) {
        var input = driver.createInputTopic(topic, new StringSerializer(), new StringSerializer());
        for (int i = 0; i < records; i++) {
          input.pipeInput("k" + i, value + i);
        }
      }
      for (String topic : new String[] {"left", "right"}) {
        KeyValueStore<String, ?> store = driver.getKeyValueStore(topic + "-store");
        assertThat(store.approximateNumEntries()).isPositive();
        for (int i = 0; i < records; i += 7) {
          assertThat(String.valueOf(store.get("k" + i))).contains(value + i);
        }
        try (var all = store.all()) {
          int n = 0;
          while (all.hasNext()) {
            all.next();
            n++;
          }
          assertThat(n).as(topic + " entries").isEqualTo(records);
        }
      }
      long usage =
          BoundedRocksDbMemory.sharedCache(
                  Map.of(
                      BoundedRocksDbMemory.MEMORY_BYTES,
                      BUDGET,
                      BoundedRocksDbMemory.MEMTABLE_RATIO,
                      0.5))
              .getUsage();
      // The stores' memtables and blocks are charged to the shared cache (not to RocksDB's
      // per-store defaults), and the cache stays within its budget (not strict: a block pinned
      // by a running read may overshoot it by a little).
      assertThat(usage).isPositive().isLessThanOrEqualTo(BUDGET + BUDGET / 4);
    }
  }

  @Test
  void budgetComesFromTheStreamsPropertiesWithDefaults() {
    var defaults = BoundedRocksDbMemory.Budget.of(Map.of());
    assertThat(defaults.memoryBytes()).isEqualTo(64L * 1024 * 1024);
    assertThat(defaults.memtableBytes()).isEqualTo(32L * 1024 * 1024);
    assertThat(defaults.memtableBytesEach()).isEqualTo(8L * 1024 * 1024);

    var set =
        BoundedRocksDbMemory.Budget.of(
            Map.of(
                BoundedRocksDbMemory.MEMORY_BYTES,
                "268435456",
                BoundedRocksDbMemory.MEMTABLE_RATIO,
                "0.25"));
    assertThat(set.memoryBytes()).isEqualTo(256L * 1024 * 1024);
    assertThat(set.memtableBytesEach()).isEqualTo(16L * 1024 * 1024);
  }

  @Test
  void aBudgetThatCannotWorkIsRefusedWithTheSettingsName() {
    assertThatThrownBy(
            () -> BoundedRocksDbMemory.Budget.of(Map.of(BoundedRocksDbMemory.MEMORY_BYTES, "1000")))
        .hasMessageContaining(BoundedRocksDbMemory.MEMORY_BYTES);
    assertThatThrownBy(
            () ->
                BoundedRocksDbMemory.Budget.of(Map.of(BoundedRocksDbMemory.MEMTABLE_RATIO, "1.5")))
        .hasMessageContaining(BoundedRocksDbMemory.MEMTABLE_RATIO);
    assertThatThrownBy(
            () -> BoundedRocksDbMemory.Budget.of(Map.of(BoundedRocksDbMemory.MEMORY_BYTES, "lots")))
        .hasMessageContaining("lots");
  }
}
