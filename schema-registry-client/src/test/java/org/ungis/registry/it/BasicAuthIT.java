package org.ungis.registry.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.ungis.registry.serde.AvroSerdeConfig;
import org.ungis.registry.serde.Greetings;
import org.ungis.registry.serde.KafkaAvroDeserializer;
import org.ungis.registry.serde.KafkaAvroSerializer;
import org.ungis.registry.server.EmbeddedSchemaRegistry;
import org.ungis.registry.testing.Greeting;

/**
 * The serializers authenticate to the real registry under Confluent's property names: without
 * credentials a registration is refused ({@code 401}, {@code 40101}), with {@code
 * basic.auth.credentials.source=USER_INFO} (or the user info in the URL) it is accepted.
 */
@ExtendWith(KafkaAndRegistry.class)
class BasicAuthIT {

  private static byte[] serialize(String topic, Map<String, Object> config) {
    KafkaAvroSerializer serializer = new KafkaAvroSerializer();
    serializer.configure(config, false);
    return serializer.serialize(topic, Greetings.greeting(1));
  }

  private static Map<String, Object> urlOnly() {
    Map<String, Object> config = new HashMap<>();
    config.put(AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG, KafkaAndRegistry.registryUrl());
    return config;
  }

  @Test
  void withoutCredentialsOrWithAWrongPasswordARegistrationIsRefused() {
    assertThatThrownBy(() -> serialize("auth.none.v1", urlOnly()))
        .isInstanceOf(SerializationException.class)
        .hasStackTraceContaining("40101");

    Map<String, Object> wrong = urlOnly();
    wrong.put("basic.auth.credentials.source", "USER_INFO");
    wrong.put("basic.auth.user.info", "ungis-services:guess");
    assertThatThrownBy(() -> serialize("auth.wrong.v1", wrong))
        .isInstanceOf(SerializationException.class)
        .hasStackTraceContaining("40101");
  }

  @Test
  void userInfoUnderEitherOfConfluentsNamesOrInTheUrlRegisters() {
    byte[] written = serialize("auth.user-info.v1", KafkaAndRegistry.serdeConfig());

    Map<String, Object> alias = urlOnly();
    alias.put("basic.auth.credentials.source", "USER_INFO");
    alias.put("schema.registry.basic.auth.user.info", EmbeddedSchemaRegistry.SERVICES_USER_INFO);
    serialize("auth.alias.v1", alias);

    Map<String, Object> inUrl = new HashMap<>();
    inUrl.put(
        AvroSerdeConfig.SCHEMA_REGISTRY_URL_CONFIG,
        KafkaAndRegistry.registryUrl()
            .replace("http://", "http://" + EmbeddedSchemaRegistry.SERVICES_USER_INFO + "@"));
    inUrl.put("basic.auth.credentials.source", "URL");
    serialize("auth.url.v1", inUrl);

    // Reads are open: a reader without credentials decodes what was written.
    KafkaAvroDeserializer deserializer = new KafkaAvroDeserializer();
    Map<String, Object> reader = urlOnly();
    reader.put(AvroSerdeConfig.SPECIFIC_AVRO_READER_CONFIG, true);
    deserializer.configure(reader, false);
    assertThat(deserializer.deserialize("auth.user-info.v1", written))
        .isEqualTo(Greetings.greeting(1))
        .isInstanceOf(Greeting.class);
  }
}
