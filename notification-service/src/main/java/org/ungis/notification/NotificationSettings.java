package org.ungis.notification;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the service.
 *
 * @param roster a roster YAML file ({@code ungis.roster}); the bundled roster when unset
 * @param people a people YAML file ({@code ungis.people}); the bundled directory when unset
 * @param replicationFactor replication factor of the topics this service creates
 * @param notifications how notifications are written and delivered ({@code ungis.notifications.*})
 */
@ConfigurationProperties("ungis")
public record NotificationSettings(
    Path roster,
    Path people,
    @DefaultValue("1") short replicationFactor,
    @DefaultValue Notifications notifications) {

  /**
   * How notifications are written and delivered.
   *
   * @param portalUrl the portal's base URL; every e-mail links to a page under it
   * @param from the sender of the e-mails
   * @param firstRetry the wait before the second attempt of a failed delivery; each further wait
   *     doubles
   * @param maxRetryInterval the longest wait between two attempts
   * @param retryFor how long a delivery is retried before it is dead-lettered
   * @param retryTick how often due retries are started and finished attempts taken up
   * @param webhookTimeout how long a webhook endpoint may take to connect and answer
   * @param reminderCheck how often the deadlines are checked for reminders
   * @param mailBatch the most e-mails sent over one SMTP connection
   * @param mailLinger how long the sender waits, after the first e-mail handed to it, for more to
   *     send over the same connection
   * @param webhookSecretKey the AES-256 key (32 bytes, base64) that seals the webhook signing
   *     secrets stored on {@code ungis.webhooks.v1}; unset stores new ones in clear
   */
  public record Notifications(
      @DefaultValue("http://localhost:8080") URI portalUrl,
      @DefaultValue("UNGIS Contributions Platform <notifications@ungis.localhost>") String from,
      @DefaultValue("30s") Duration firstRetry,
      @DefaultValue("1h") Duration maxRetryInterval,
      @DefaultValue("24h") Duration retryFor,
      @DefaultValue("1s") Duration retryTick,
      @DefaultValue("10s") Duration webhookTimeout,
      @DefaultValue("1m") Duration reminderCheck,
      @DefaultValue("100") int mailBatch,
      @DefaultValue("50ms") Duration mailLinger,
      String webhookSecretKey) {}
}
