package org.ungis.benchmarks;

import java.util.HashMap;
import java.util.Map;
import org.ungis.schemas.access.BrokerAccess;
import org.ungis.schemas.access.BrokerLogin;

/**
 * How the benchmark's own Kafka clients sign in to the broker, which authenticates every client and
 * enforces the platform's ACLs: as the super user {@code admin}, the operator's principal, because
 * the benchmark does what no single service may (it creates and deletes its own topics, bulk-loads
 * the contributions topic with {@code --seed}, reads every topic). The password comes from {@code
 * UNGIS_KAFKA_ADMIN_PASSWORD} (as for {@code deploy/kafka/acls.sh}), else it is the local stack's
 * development password.
 */
final class KafkaLogin {

  private KafkaLogin() {}

  /** A client's settings: the bootstrap servers and the super user's sign-in (a mutable copy). */
  static Map<String, Object> client(String bootstrapServers) {
    String password = System.getenv("UNGIS_KAFKA_ADMIN_PASSWORD");
    return new HashMap<>(
        BrokerLogin.admin(
            bootstrapServers,
            password == null || password.isBlank()
                ? BrokerLogin.developmentPassword(BrokerAccess.ADMIN)
                : password));
  }
}
