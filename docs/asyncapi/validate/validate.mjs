// Validates an AsyncAPI document with the official parser, the way AsyncAPI tools read it.
//
//   node validate.mjs ../asyncapi.yaml
//
// The Avro schema parser is registered, so every referenced .avsc is loaded and converted too.
// Prints one line per channel (address, message, payload type) and per operation; prints every
// diagnostic of severity error (0) or warning (1) and exits 1 if there is any.
import { Parser, fromFile } from '@asyncapi/parser';
import { AvroSchemaParser } from '@asyncapi/avro-schema-parser';

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.mjs <asyncapi.yaml>');
  process.exit(2);
}

const parser = new Parser();
parser.registerSchemaParser(AvroSchemaParser());
const { document, diagnostics } = await fromFile(parser, file).parse();

const problems = diagnostics.filter((d) => d.severity <= 1);
for (const d of problems) {
  console.log(`PROBLEM ${d.code} at ${JSON.stringify(d.path)}: ${d.message}`);
}
if (!document || problems.length > 0) {
  console.log('INVALID');
  process.exit(1);
}
for (const channel of document.channels()) {
  for (const message of channel.messages()) {
    const payload = message.payload();
    const fields = payload && payload.properties() ? Object.keys(payload.properties()) : [];
    console.log(`CHANNEL ${channel.address()} ${message.id()} ${payload ? payload.type() : '-'} ${fields.join(',')}`);
  }
}
for (const operation of document.operations()) {
  const addresses = operation.channels().all().map((c) => c.address());
  console.log(`OPERATION ${operation.id()} ${operation.action()} ${addresses.join(',')}`);
}
console.log('VALID');
