// Interop check with Confluent's official JavaScript Schema Registry client and Avro serde.
//
//   node interop.js <bootstrapServers> <registryUrl> <fromJavaTopic> <toJavaTopic> <schemaFile> [user:password]
// With user:password it authenticates with HTTP Basic (USER_INFO), as the registry needs for writes.
//
// 1. Reads one record that our Java KafkaAvroSerializer wrote to <fromJavaTopic> (kafkajs) and
//    decodes it with @confluentinc/schemaregistry's AvroDeserializer through our registry.
// 2. Registers the Avro schema in <schemaFile> under "<toJavaTopic>-value" with Confluent's
//    client, serializes a record with Confluent's AvroSerializer and produces it to
//    <toJavaTopic>, for our Java KafkaAvroDeserializer to read.
// Prints one line "RESULT <json>" on stdout; exits 1 on any failure.
'use strict';

const fs = require('fs');
const { Kafka, logLevel } = require('kafkajs');
const {
  SchemaRegistryClient,
  SerdeType,
  AvroSerializer,
  AvroDeserializer,
} = require('@confluentinc/schemaregistry');

const [bootstrap, registryUrl, fromJavaTopic, toJavaTopic, schemaFile, userInfo] =
  process.argv.slice(2);
if (!schemaFile) {
  console.error(
    'usage: node interop.js <bootstrap> <registryUrl> <fromJavaTopic> <toJavaTopic> <schemaFile> [user:password]',
  );
  process.exit(2);
}

const kafka = new Kafka({
  clientId: 'ungis-js-interop',
  brokers: bootstrap.split(','),
  logLevel: logLevel.ERROR,
});
// Basic auth as Confluent's clients do it (basic.auth.credentials.source=USER_INFO).
const registry = new SchemaRegistryClient({
  baseURLs: [registryUrl],
  ...(userInfo ? { basicAuthCredentials: { credentialsSource: 'USER_INFO', userInfo } } : {}),
});

async function readOneFromJava() {
  const consumer = kafka.consumer({ groupId: `js-interop-${Date.now()}` });
  const deserializer = new AvroDeserializer(registry, SerdeType.VALUE, {});
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: fromJavaTopic, fromBeginning: true });
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no record on ${fromJavaTopic} within 30 s`)), 30000);
      consumer
        .run({
          eachMessage: async ({ partition, message }) => {
            try {
              const value = await deserializer.deserialize(fromJavaTopic, message.value);
              clearTimeout(timer);
              resolve({
                partition,
                offset: message.offset,
                key: message.key.toString(),
                schemaId: message.value.readInt32BE(1),
                value,
              });
            } catch (e) {
              clearTimeout(timer);
              reject(e);
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}

async function writeOneForJava() {
  const schema = fs.readFileSync(schemaFile, 'utf8');
  const subject = `${toJavaTopic}-value`;
  const id = await registry.register(subject, { schemaType: 'AVRO', schema });
  const serializer = new AvroSerializer(registry, SerdeType.VALUE, {
    useLatestVersion: true,
    autoRegisterSchemas: false,
  });
  const greeting = {
    id: '6f1c2c56-9f5e-4b1e-8a51-8f7d1e3a2b10',
    sentAt: 1701158400123,
    sender: 'UNECA',
    text: 'Written by @confluentinc/schemaregistry — ሰላም',
    tone: 'WARM',
    tags: ['js', 'interop'],
    note: 'from Node.js',
  };
  const bytes = await serializer.serialize(toJavaTopic, greeting);
  const producer = kafka.producer();
  await producer.connect();
  try {
    await producer.send({ topic: toJavaTopic, messages: [{ key: 'from-js', value: bytes }] });
  } finally {
    await producer.disconnect();
  }
  return { subject, schemaId: id, writtenSchemaId: bytes.readInt32BE(1), magicByte: bytes[0], value: greeting };
}

(async () => {
  const read = await readOneFromJava();
  const written = await writeOneForJava();
  const replacer = (key, value) => (typeof value === 'bigint' ? value.toString() : value);
  process.stdout.write('RESULT ' + JSON.stringify({ read, written }, replacer) + '\n');
})().catch((e) => {
  console.error(e && e.stack ? e.stack : e);
  process.exit(1);
});
