package org.ungis.notification.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.ungis.notification.notice.Courier.DeliveryFailedException;
import org.ungis.schemas.webhook.WebhookSignature;

/**
 * POSTs a signed delivery to an endpoint without blocking the caller: the request runs on the HTTP
 * client's own threads, so a slow or dead endpoint holds back nothing but its own deliveries. A 2xx
 * answer is success; anything else, a timeout or a refused connection is a failure to retry.
 */
public final class WebhookSender {

  private final HttpClient http;
  private final Duration timeout;
  private final SecretCipher cipher;

  public WebhookSender(Duration timeout) {
    this(timeout, SecretCipher.clear());
  }

  /**
   * @param cipher opens the secrets as they are stored
   */
  public WebhookSender(Duration timeout, SecretCipher cipher) {
    this.cipher = cipher;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  /**
   * Signs with a subscription's secret as it is stored (sealed or in clear).
   *
   * @param subscriptionId the subscription, whose id the sealed secret is bound to
   */
  public CompletionStage<Void> post(
      String subscriptionId, String url, String storedSecret, String webhookId, String body) {
    String secret;
    try {
      secret = cipher.open(subscriptionId, storedSecret);
    } catch (IllegalStateException e) {
      return CompletableFuture.failedFuture(new DeliveryFailedException(e.getMessage(), e));
    }
    return post(url, secret, webhookId, body);
  }

  /**
   * @param url the endpoint
   * @param secret its {@code whsec_} secret
   * @param webhookId the message id, the same on every retry (the workflow event's id)
   * @param body the JSON body
   */
  public CompletionStage<Void> post(String url, String secret, String webhookId, String body) {
    Instant timestamp = Instant.now();
    HttpRequest request;
    try {
      request =
          HttpRequest.newBuilder(URI.create(url))
              .timeout(timeout)
              .header("Content-Type", "application/json")
              .header("webhook-id", webhookId)
              .header("webhook-timestamp", Long.toString(timestamp.getEpochSecond()))
              .header(
                  "webhook-signature",
                  new WebhookSignature(secret).sign(webhookId, timestamp, body))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
    } catch (IllegalArgumentException e) {
      return CompletableFuture.failedFuture(
          new DeliveryFailedException("cannot build the request to " + url + ": " + e, e));
    }
    return http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
        .handle(
            (response, error) -> {
              if (error != null) {
                throw new java.util.concurrent.CompletionException(
                    new DeliveryFailedException(url + ": " + error, error));
              }
              if (response.statusCode() / 100 != 2) {
                throw new java.util.concurrent.CompletionException(
                    new DeliveryFailedException(url + " answered " + response.statusCode(), null));
              }
              return null;
            });
  }
}
