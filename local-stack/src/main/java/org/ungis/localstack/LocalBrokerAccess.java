package org.ungis.localstack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.ungis.schemas.access.AccessRules;
import org.ungis.schemas.access.BrokerAccess;
import org.ungis.schemas.access.BrokerLogin;

/**
 * Puts the platform's access rules ({@link BrokerAccess}) on a secured {@link LocalKafkaBroker}:
 * the SCRAM-SHA-512 credential of each principal, then the ACLs; returns once every principal given
 * a password can sign in. Idempotent: run it on every start.
 */
public final class LocalBrokerAccess {

  private LocalBrokerAccess() {}

  /** The local stack's passwords: {@code <principal>-secret} for every principal. */
  public static Map<String, String> developmentPasswords() {
    Map<String, String> passwords = new LinkedHashMap<>();
    BrokerAccess.principalNames()
        .forEach(name -> passwords.put(name, BrokerLogin.developmentPassword(name)));
    return passwords;
  }

  /**
   * The local stack's broker as {@code bin/local-stack} and the end-to-end tests run it: started,
   * and, if secured, with the access rules applied and every principal signing in with its
   * development password. Stopped again if the rules cannot be applied.
   */
  public static LocalKafkaBroker startWithDevelopmentAccess(LocalKafkaBroker.Settings settings) {
    LocalKafkaBroker broker = LocalKafkaBroker.start(settings);
    if (settings.isSecured()) {
      try {
        apply(broker, developmentPasswords());
      } catch (RuntimeException e) {
        broker.close();
        throw new IllegalStateException("could not apply the access rules: " + e.getMessage(), e);
      }
    }
    return broker;
  }

  /**
   * @param passwords principal name to password; a principal without one cannot sign in
   */
  public static AccessRules.Applied apply(LocalKafkaBroker broker, Map<String, String> passwords) {
    AccessRules.Applied applied;
    try (Admin admin = Admin.create(broker.adminClientProperties())) {
      AccessRules.upsertScramCredentials(admin, passwords);
      applied = AccessRules.apply(admin);
    }
    passwords.forEach((name, password) -> awaitSignIn(broker, name, password));
    return applied;
  }

  /** The credentials reach the broker through the cluster metadata, a moment after they commit. */
  private static void awaitSignIn(LocalKafkaBroker broker, String name, String password) {
    Map<String, Object> config = broker.clientProperties(name, password);
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5_000);
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try (Admin admin = Admin.create(config)) {
        admin.describeCluster().clusterId().get(5, TimeUnit.SECONDS);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("Interrupted while " + name + " signs in", e);
      } catch (Exception e) {
        last = e;
      }
    }
    throw new IllegalStateException(name + " cannot sign in to " + broker.bootstrapServers(), last);
  }
}
