#!/usr/bin/env bash
# The broker's credentials and ACLs, generated from org.ungis.schemas.access.BrokerAccess:
#   ./mvnw -B -q -pl schemas exec:java -Dexec.mainClass=org.ungis.schemas.access.AccessRules \
#     -Dexec.args=script > deploy/kafka/acls.sh
# (BrokerAccessTest fails while this file differs from what the rules generate.)
#
# Signs in as the super user "admin" (PLAIN, password $UNGIS_KAFKA_ADMIN_PASSWORD), creates the
# SCRAM-SHA-512 credential of each principal whose password is set (the variable
# UNGIS_KAFKA_<PRINCIPAL>_PASSWORD, e.g. UNGIS_KAFKA_REVIEW_SERVICE_PASSWORD; hex passwords:
# `openssl rand -hex 32`), then adds the ACLs. Re-running it is harmless. Over TLS (SASL_SSL),
# trusting the PKCS12 truststore $KAFKA_TRUSTSTORE whose password is in the file
# $KAFKA_TRUSTSTORE_PASSWORD_FILE (deploy/kafka/create-certificates makes both).
set -euo pipefail
BOOTSTRAP_SERVERS="${BOOTSTRAP_SERVERS:-kafka:29092}"
KAFKA_TRUSTSTORE="${KAFKA_TRUSTSTORE:-/run/secrets/kafka-truststore}"
KAFKA_TRUSTSTORE_PASSWORD="$(cat "${KAFKA_TRUSTSTORE_PASSWORD_FILE:-/run/secrets/kafka-truststore-password}")"
: "${UNGIS_KAFKA_ADMIN_PASSWORD:?UNGIS_KAFKA_ADMIN_PASSWORD is not set (docs/operator.md)}"
ADMIN_CONFIG="$(mktemp)"
trap 'rm -f "$ADMIN_CONFIG"' EXIT
cat >"$ADMIN_CONFIG" <<CONFIG
security.protocol=SASL_SSL
ssl.truststore.type=PKCS12
ssl.truststore.location=$KAFKA_TRUSTSTORE
ssl.truststore.password=$KAFKA_TRUSTSTORE_PASSWORD
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="$UNGIS_KAFKA_ADMIN_PASSWORD";
CONFIG
for principal in contributions-service review-service publication-service notification-service portal schema-registry records-reader agency; do
  variable="UNGIS_KAFKA_$(echo "$principal" | tr 'a-z-' 'A-Z_')_PASSWORD"
  if [ -n "${!variable:-}" ]; then
    kafka-configs --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --alter --entity-type users --entity-name "$principal" \
      --add-config "SCRAM-SHA-512=[iterations=8192,password=${!variable}]"
  else
    echo "$variable is not set: $principal cannot sign in to the broker" >&2
  fi
done
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:contributions-service --operation Write --operation Describe --operation Read --operation Create --topic ungis.contributions.v1
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:contributions-service --operation Read --operation Describe --operation Create --topic ungis.processes.v1 --topic ungis.reviews.v1
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:contributions-service --operation Write --operation Describe --operation Create --topic ungis.contributions.v1.DLT --topic ungis.processes.v1.DLT --topic ungis.reviews.v1.DLT
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:contributions-service --operation All --topic contributions-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:contributions-service --operation Read --group contributions-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:contributions-service --operation Write --operation Describe --transactional-id contributions-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:review-service --operation Write --operation Describe --operation Read --operation Create --topic ungis.processes.v1 --topic ungis.reviews.v1
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:review-service --operation Read --operation Describe --operation Create --topic ungis.contributions.v1
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:review-service --operation Write --operation Describe --operation Create --topic ungis.processes.v1.DLT --topic ungis.reviews.v1.DLT --topic ungis.contributions.v1.DLT
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:review-service --operation All --topic review-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:review-service --operation Read --group review-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:review-service --operation Write --operation Describe --transactional-id review-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:publication-service --operation Write --operation Describe --operation Read --operation Create --topic ungis.records.v1
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:publication-service --operation Read --operation Describe --operation Create --topic ungis.contributions.v1 --topic ungis.reviews.v1 --topic ungis.processes.v1
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:publication-service --operation Write --operation Describe --operation Create --topic ungis.records.v1.DLT --topic ungis.contributions.v1.DLT --topic ungis.reviews.v1.DLT --topic ungis.processes.v1.DLT
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:publication-service --operation All --topic publication-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:publication-service --operation Read --group publication-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:publication-service --operation Write --operation Describe --transactional-id publication-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:notification-service --operation Write --operation Describe --operation Read --operation Create --topic ungis.notifications.v1 --topic ungis.webhooks.v1
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:notification-service --operation Read --operation Describe --operation Create --topic ungis.contributions.v1 --topic ungis.reviews.v1 --topic ungis.processes.v1 --topic ungis.records.v1
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:notification-service --operation Write --operation Describe --operation Create --topic ungis.notifications.v1.DLT --topic ungis.webhooks.v1.DLT --topic ungis.contributions.v1.DLT --topic ungis.reviews.v1.DLT --topic ungis.processes.v1.DLT --topic ungis.records.v1.DLT
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:notification-service --operation All --topic notification-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:notification-service --operation Read --group notification-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:notification-service --operation Write --operation Describe --transactional-id notification-service --resource-pattern-type prefixed
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:portal --operation Read --topic ungis.contributions.v1 --topic ungis.processes.v1 --topic ungis.reviews.v1 --topic ungis.records.v1
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:schema-registry --operation Write --operation Describe --operation Read --operation Create --topic _schemas
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:records-reader --operation Read --topic ungis.records.v1
kafka-acls --bootstrap-server "$BOOTSTRAP_SERVERS" --command-config "$ADMIN_CONFIG" --add --allow-principal User:records-reader --operation Read --group records-reader --resource-pattern-type prefixed
