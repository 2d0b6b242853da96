package org.ungis.registry.serde;

import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.utils.Utils;
import org.ungis.registry.client.SchemaRegistryClientConfig;

/**
 * The properties of {@link KafkaAvroSerializer}, {@link KafkaAvroDeserializer} and the serdes,
 * under the names Confluent's serializers use, so that switching to Confluent's jars changes
 * dependencies and class names, not properties. In Spring Boot set them under {@code
 * spring.kafka.properties.*} (all clients) or {@code spring.kafka.producer.properties.*} etc.
 */
public final class AvroSerdeConfig {

  /** Comma-separated registry URLs (failover in order); {@code mock://<scope>} for tests. */
  public static final String SCHEMA_REGISTRY_URL_CONFIG =
      SchemaRegistryClientConfig.SCHEMA_REGISTRY_URL;

  /** {@code USER_INFO} (use {@link #USER_INFO_CONFIG}) or {@code URL} (user:pass@ in the URL). */
  public static final String BASIC_AUTH_CREDENTIALS_SOURCE =
      SchemaRegistryClientConfig.BASIC_AUTH_CREDENTIALS_SOURCE;

  /** {@code user:password} for basic authentication. */
  public static final String USER_INFO_CONFIG = SchemaRegistryClientConfig.BASIC_AUTH_USER_INFO;

  /** Register the schema of a serialized record if the subject lacks it. Default {@code true}. */
  public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";

  /**
   * Serialize with the latest version of the subject instead of the record's own schema (with
   * {@code auto.register.schemas=false}). Default {@code false}.
   */
  public static final String USE_LATEST_VERSION = "use.latest.version";

  /**
   * With {@link #USE_LATEST_VERSION}: refuse to serialize a record whose schema the latest version
   * cannot read. Default {@code true}.
   */
  public static final String LATEST_COMPATIBILITY_STRICT = "latest.compatibility.strict";

  /** Ask the registry to normalize schemas on registration and look-up. Default {@code false}. */
  public static final String NORMALIZE_SCHEMAS = "normalize.schemas";

  /**
   * Deserialize into the generated SpecificRecord class named by the writer schema (resolved to the
   * class's schema). Default {@code false}: GenericRecord.
   */
  public static final String SPECIFIC_AVRO_READER_CONFIG = "specific.avro.reader";

  /** The SpecificRecord class every key is read into (implies a specific reader for keys). */
  public static final String SPECIFIC_AVRO_KEY_TYPE_CONFIG = "specific.avro.key.type";

  /** The SpecificRecord class every value is read into (implies a specific reader for values). */
  public static final String SPECIFIC_AVRO_VALUE_TYPE_CONFIG = "specific.avro.value.type";

  /**
   * Read logical types of a GenericRecord as Java types ({@code Instant}, {@code UUID}, ...) rather
   * than their Avro representation. Default {@code false}. Specific records always use the
   * conversions of their generated class.
   */
  public static final String AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG =
      "avro.use.logical.type.converters";

  /** Class name of the {@link SubjectNameStrategy} for keys. Default {@link TopicNameStrategy}. */
  public static final String KEY_SUBJECT_NAME_STRATEGY = "key.subject.name.strategy";

  /**
   * Class name of the {@link SubjectNameStrategy} for values. Default {@link TopicNameStrategy}.
   */
  public static final String VALUE_SUBJECT_NAME_STRATEGY = "value.subject.name.strategy";

  private static final String CONFLUENT_STRATEGY_PACKAGE =
      "io.confluent.kafka.serializers.subject.";

  private final Map<String, ?> originals;
  private final boolean isKey;

  public AvroSerdeConfig(Map<String, ?> originals, boolean isKey) {
    this.originals = Map.copyOf(withoutNullValues(originals));
    this.isKey = isKey;
  }

  private static Map<String, ?> withoutNullValues(Map<String, ?> configs) {
    java.util.Map<String, Object> copy = new java.util.HashMap<>();
    configs.forEach(
        (key, value) -> {
          if (key != null && value != null) {
            copy.put(key, value);
          }
        });
    return copy;
  }

  /** Every property as given (serializers receive all producer properties). */
  public Map<String, ?> originals() {
    return originals;
  }

  /** Whether this configures a key (rather than value) serializer or deserializer. */
  public boolean isKey() {
    return isKey;
  }

  public boolean autoRegisterSchemas() {
    return bool(AUTO_REGISTER_SCHEMAS, true);
  }

  public boolean useLatestVersion() {
    return bool(USE_LATEST_VERSION, false);
  }

  public boolean latestCompatibilityStrict() {
    return bool(LATEST_COMPATIBILITY_STRICT, true);
  }

  public boolean normalizeSchemas() {
    return bool(NORMALIZE_SCHEMAS, false);
  }

  public boolean useLogicalTypeConverters() {
    return bool(AVRO_USE_LOGICAL_TYPE_CONVERTERS_CONFIG, false);
  }

  /** Whether to read specific records: {@code specific.avro.reader} or a configured type. */
  public boolean specificAvroReader() {
    return bool(SPECIFIC_AVRO_READER_CONFIG, false) || specificType() != null;
  }

  /** The configured {@code specific.avro.key.type} / {@code .value.type}, or {@code null}. */
  public Class<? extends SpecificRecord> specificType() {
    String key = isKey ? SPECIFIC_AVRO_KEY_TYPE_CONFIG : SPECIFIC_AVRO_VALUE_TYPE_CONFIG;
    Object value = originals.get(key);
    if (value == null || String.valueOf(value).isBlank()) {
      return null;
    }
    Class<?> type = value instanceof Class<?> c ? c : loadClass(key, String.valueOf(value).strip());
    if (!SpecificRecord.class.isAssignableFrom(type)) {
      throw new ConfigException(key, value, "is not a SpecificRecord class");
    }
    return type.asSubclass(SpecificRecord.class);
  }

  /** The subject name strategy of keys or values, instantiated and configured. */
  public SubjectNameStrategy subjectNameStrategy() {
    String key = isKey ? KEY_SUBJECT_NAME_STRATEGY : VALUE_SUBJECT_NAME_STRATEGY;
    Object value = originals.get(key);
    SubjectNameStrategy strategy;
    if (value == null || String.valueOf(value).isBlank()) {
      strategy = new TopicNameStrategy();
    } else if (value instanceof SubjectNameStrategy instance) {
      strategy = instance;
    } else {
      Class<?> type =
          value instanceof Class<?> c ? c : loadClass(key, confluentAlias(String.valueOf(value)));
      if (!SubjectNameStrategy.class.isAssignableFrom(type)) {
        throw new ConfigException(
            key, value, "is not a " + SubjectNameStrategy.class.getName() + " class");
      }
      try {
        strategy = (SubjectNameStrategy) Utils.newInstance(type);
      } catch (KafkaException e) {
        throw new ConfigException(key, value, "cannot be instantiated: " + e.getMessage());
      }
    }
    strategy.configure(originals);
    return strategy;
  }

  /** Confluent's strategy class names are accepted and mean ours, so configs need not change. */
  private static String confluentAlias(String className) {
    String name = className.strip();
    if (name.startsWith(CONFLUENT_STRATEGY_PACKAGE)) {
      String simpleName = name.substring(CONFLUENT_STRATEGY_PACKAGE.length());
      switch (simpleName) {
        case "TopicNameStrategy", "RecordNameStrategy", "TopicRecordNameStrategy" -> {
          return AvroSerdeConfig.class.getPackageName() + "." + simpleName;
        }
        default -> {
          return name;
        }
      }
    }
    return name;
  }

  private static Class<?> loadClass(String key, String className) {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = AvroSerdeConfig.class.getClassLoader();
    }
    try {
      return Class.forName(className, true, loader);
    } catch (ClassNotFoundException e) {
      try {
        return Class.forName(className, true, AvroSerdeConfig.class.getClassLoader());
      } catch (ClassNotFoundException again) {
        throw new ConfigException(key, className, "class not found");
      }
    }
  }

  private boolean bool(String key, boolean defaultValue) {
    Object value = originals.get(key);
    if (value == null) {
      return defaultValue;
    }
    if (value instanceof Boolean b) {
      return b;
    }
    String text = String.valueOf(value).strip().toLowerCase(Locale.ROOT);
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      case "" -> defaultValue;
      default -> throw new ConfigException(key, value, "must be true or false");
    };
  }
}
