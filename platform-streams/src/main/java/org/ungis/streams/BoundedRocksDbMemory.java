package org.ungis.streams;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.streams.state.RocksDBConfigSetter;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.Cache;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.WriteBufferManager;

/**
 * Bounds the native memory of every RocksDB store of a JVM by one budget, instead of RocksDB's
 * per-store defaults.
 *
 * <p>Left alone, Kafka Streams gives each persistent store its own 50 MiB block cache and up to
 * three 16 MiB memtables, outside the Java heap. A service has three to five stores (more with
 * several tasks per store), so under load its resident size grew by hundreds of MiB beyond its
 * heap. With this setter, all stores of the JVM share one LRU cache of {@value #MEMORY_BYTES}
 * bytes; their memtables are charged to the same cache (a {@link WriteBufferManager} holding a
 * share of {@value #MEMTABLE_RATIO} of it), and index and filter blocks live in it too, so the
 * budget covers what RocksDB holds for reads and writes alike.
 *
 * <p>Configured through the Kafka Streams properties: {@code rocksdb.config.setter} names this
 * class; {@value #MEMORY_BYTES} (default 64 MiB) and {@value #MEMTABLE_RATIO} (default 0.5) size
 * it. The shared objects live as long as the JVM: a store that closes must not free a cache that
 * other stores still use.
 */
public class BoundedRocksDbMemory implements RocksDBConfigSetter {

  /** Kafka Streams property: the bytes that all RocksDB stores of this JVM may hold together. */
  public static final String MEMORY_BYTES = "ungis.rocksdb.memory.bytes";

  /** Kafka Streams property: the share of {@link #MEMORY_BYTES} that memtables may take. */
  public static final String MEMTABLE_RATIO = "ungis.rocksdb.memtable.ratio";

  static final long DEFAULT_MEMORY_BYTES = 64L * 1024 * 1024;
  static final double DEFAULT_MEMTABLE_RATIO = 0.5;

  /** One memtable is at most this large (RocksDB's own default size in Kafka Streams). */
  private static final long MAX_MEMTABLE_BYTES = 16L * 1024 * 1024;

  private static final Map<Budget, SharedMemory> SHARED = new ConcurrentHashMap<>();

  @Override
  public void setConfig(String storeName, Options options, Map<String, Object> configs) {
    Budget budget = Budget.of(configs);
    SharedMemory memory = SHARED.computeIfAbsent(budget, SharedMemory::new);

    BlockBasedTableConfig table = (BlockBasedTableConfig) options.tableFormatConfig();
    table.setBlockCache(memory.cache);
    table.setCacheIndexAndFilterBlocks(true);
    table.setCacheIndexAndFilterBlocksWithHighPriority(true);
    table.setPinTopLevelIndexAndFilter(true);
    options.setTableFormatConfig(table);

    options.setWriteBufferManager(memory.writeBuffers);
    options.setMaxWriteBufferNumber(2);
    options.setWriteBufferSize(budget.memtableBytesEach());
  }

  @Override
  public void close(String storeName, Options options) {
    // The cache and the write buffer manager are shared by every store of the JVM: not ours to
    // close when one store closes.
  }

  /** The cache all stores of this JVM share under {@code budget}'s settings, for tests. */
  static Cache sharedCache(Map<String, Object> configs) {
    return SHARED.computeIfAbsent(Budget.of(configs), SharedMemory::new).cache;
  }

  /** The sizes read from the Kafka Streams properties. */
  record Budget(long memoryBytes, double memtableRatio) {

    Budget {
      if (memoryBytes < 1024 * 1024) {
        throw new IllegalArgumentException(
            MEMORY_BYTES + " must be at least 1 MiB: " + memoryBytes);
      }
      if (!(memtableRatio > 0 && memtableRatio < 1)) {
        throw new IllegalArgumentException(
            MEMTABLE_RATIO + " must be between 0 and 1 (exclusive): " + memtableRatio);
      }
    }

    static Budget of(Map<String, ?> configs) {
      return new Budget(
          number(configs.get(MEMORY_BYTES), DEFAULT_MEMORY_BYTES).longValue(),
          number(configs.get(MEMTABLE_RATIO), DEFAULT_MEMTABLE_RATIO).doubleValue());
    }

    long memtableBytes() {
      return (long) (memoryBytes * memtableRatio);
    }

    /** Each store may keep two memtables; four of them fit the memtable share. */
    long memtableBytesEach() {
      return Math.min(MAX_MEMTABLE_BYTES, Math.max(256 * 1024, memtableBytes() / 4));
    }

    private static Number number(Object value, Number fallback) {
      if (value == null) {
        return fallback;
      }
      if (value instanceof Number n) {
        return n;
      }
      String text = value.toString().trim();
      try {
        return text.contains(".") ? Double.valueOf(text) : Long.valueOf(text);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number: " + text, e);
      }
    }
  }

  /** The native objects one budget's stores share. */
  private static final class SharedMemory {
    final Cache cache;
    final WriteBufferManager writeBuffers;

    SharedMemory(Budget budget) {
      RocksDB.loadLibrary();
      // Index and filter blocks get the high-priority part of the cache so that data blocks do
      // not evict them; the capacity is not strict, so a read never fails for want of room.
      this.cache = new LRUCache(budget.memoryBytes(), -1, false, 0.1);
      this.writeBuffers = new WriteBufferManager(budget.memtableBytes(), cache);
    }
  }
}
