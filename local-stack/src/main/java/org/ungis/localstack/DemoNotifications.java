package org.ungis.localstack;

import static org.ungis.localstack.DemoSeeder.say;

import java.util.List;
import java.util.Optional;
import org.ungis.localstack.Http.Actor;
import org.ungis.localstack.Http.Response;
import tools.jackson.databind.JsonNode;

/**
 * The demo's notifications: before the scenario, ITU's integrator ({@code itu-webhooks}) registers
 * a webhook for every event type to the local inbox's receiver and hands the inbox the signing
 * secret; after it, the demo prints what notification-service sent: the e-mails the inbox's SMTP
 * server received and the webhook deliveries, with their signatures checked.
 */
final class DemoNotifications {

  /**
   * Every webhook event type, as an integrator would list them from the API guide: the local stack
   * calls notification-service over HTTP like any client and depends on none of its classes, so the
   * list is written here again on purpose (notification-service's {@code EventTypes.ALL}).
   */
  static final List<String> EVENT_TYPES =
      List.of(
          "call.opened",
          "call.closed",
          "call.extension_granted",
          "call.updated",
          "contribution.submitted",
          "contribution.revised",
          "contribution.withdrawn",
          "review.decided",
          "record.edition");

  private static final String AGENCY = "ITU";
  private static final int LISTED = 12;

  /** How long no new e-mail must arrive before the demo counts them. */
  private static final java.time.Duration QUIET = java.time.Duration.ofSeconds(3);

  private final Http notifications;
  private final Http inbox;
  private final Tokens tokens;
  private final String imap;
  private String subscription;
  private boolean registeredNow;

  /**
   * @param notifications notification-service's base URL
   * @param inbox the local inbox's base URL (its page and its webhook receiver)
   * @param imap where the inbox's IMAP server listens, for the printout
   */
  DemoNotifications(Http notifications, Http inbox, Tokens tokens, String imap) {
    this.notifications = notifications;
    this.inbox = inbox;
    this.tokens = tokens;
    this.imap = imap;
  }

  /** Registers the webhook, unless one to the inbox is registered already. */
  void register() {
    Optional<String> token = Optional.ofNullable(tokens.forWebhooks(AGENCY).get());
    if (token.isEmpty()) {
      say("no authorization server: no webhook registered (it needs an itu-webhooks token)");
      return;
    }
    Actor integrator = new Actor(AGENCY, "itu-webhooks", token);
    String url = inbox.url("/webhook");
    try {
      Response existing = notifications.getJson("/api/v1/webhooks", integrator);
      if (existing.ok()) {
        for (JsonNode s : existing.json()) {
          if (url.equals(s.path("url").asString(""))) {
            subscription = s.path("id").asString();
            say(
                "webhook %s to %s is registered already (its secret was shown once, at"
                    + " registration: the inbox checks signatures only of webhooks it was given)",
                subscription, url);
            return;
          }
        }
      }
      Response r =
          notifications.post(
              "/api/v1/webhooks",
              integrator,
              java.util.Map.of("url", url, "eventTypes", EVENT_TYPES),
              "demo-webhook-" + url);
      if (r.status() != 201 && r.status() != 200) {
        say("could not register the demo's webhook: %s", r.problem());
        return;
      }
      subscription = r.json().path("id").asString();
      registeredNow = true;
      String secret = r.json().path("secret").asString();
      Response given =
          inbox.post(
              "/api/webhook/secrets",
              new Actor(AGENCY, "demo", Optional.empty()),
              java.util.Map.of("secret", secret),
              null);
      say(
          "itu-webhooks registered webhook %s to %s for every event type%s",
          subscription,
          url,
          given.ok()
              ? "; the inbox checks its signatures"
              : " (the inbox did not take the secret)");
    } catch (Http.Unreachable e) {
      say("notification-service or the inbox does not answer: no webhook (%s)", e.getMessage());
    }
  }

  /** Prints the e-mails and webhook deliveries the inbox received. */
  void report() {
    JsonNode mails;
    JsonNode deliveries;
    try {
      if (registeredNow) {
        awaitFinalRecordDelivery().ifPresent(this::awaitMailsSettled);
      }
      mails = inbox.getJson("/api/mail").json();
      deliveries = inbox.getJson("/api/webhook").json();
    } catch (Http.Unreachable e) {
      say("the inbox does not answer: %s", e.getMessage());
      return;
    }
    long valid = 0;
    for (JsonNode d : deliveries) {
      if ("valid".equals(d.path("signature").asString())) {
        valid++;
      }
    }
    say(
        "notifications: %d e-mails received by the local SMTP server, %d webhook deliveries"
            + " (%d with a valid signature)",
        mails.size(), deliveries.size(), valid);
    System.out.println();
    System.out.println("  " + inbox.url("/") + "   (e-mails and webhook deliveries)");
    System.out.println(
        "  IMAP " + imap + "   (user: the recipient's address, any password; or any mail client)");
    int n = 0;
    for (JsonNode m : mails) {
      if (n++ == LISTED) {
        System.out.println("    ... and " + (mails.size() - LISTED) + " more");
        break;
      }
      System.out.printf(
          "    %-3s %-34s %s%n",
          m.path("language").asString(), m.path("to").asString(), m.path("subject").asString());
    }
    if (subscription != null) {
      System.out.println(
          "  "
              + notifications.url("/api/v1/webhooks/" + subscription + "/deliveries")
              + "   (the delivery log, with an itu-webhooks token)");
    }
    n = 0;
    for (JsonNode d : deliveries) {
      if (n++ == LISTED) {
        System.out.println("    ... and " + (deliveries.size() - LISTED) + " more");
        break;
      }
      System.out.printf(
          "    %-24s webhook-id %s  signature %s%n",
          d.path("type").asString(),
          d.path("webhookId").asString(),
          d.path("signature").asString());
    }
    System.out.println();
  }

  /**
   * The record's final edition is the scenario's last event: its delivery comes last. Returns its
   * event id (the {@code webhook-id}).
   */
  private Optional<String> awaitFinalRecordDelivery() {
    try {
      return Optional.of(
          DemoSeeder.await(
              "the webhook delivery of the record's final edition",
              () -> {
                JsonNode deliveries = inbox.getJson("/api/webhook").json();
                for (JsonNode d : deliveries) {
                  if ("record.edition".equals(d.path("type").asString())
                      && Http.JSON
                          .readTree(d.path("body").asString("{}"))
                          .path("data")
                          .path("final")
                          .asBoolean(false)) {
                    return Optional.of(d.path("webhookId").asString());
                  }
                }
                return Optional.empty();
              }));
    } catch (IllegalStateException e) {
      say("%s; showing what arrived so far", e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * E-mails go out on their own, after the webhooks of the same events at times: waits until the
   * e-mails of the final edition (notification ids {@code <its event id>/EMAIL/...}) arrived and no
   * other e-mail came for {@link #QUIET}, so that the count printed is the scenario's.
   */
  private void awaitMailsSettled(String finalEditionEventId) {
    int[] last = {-1};
    long[] since = {System.nanoTime()};
    try {
      DemoSeeder.await(
          "the e-mails of the record's final edition",
          () -> {
            JsonNode mails = inbox.getJson("/api/mail").json();
            boolean finalSent = false;
            for (JsonNode m : mails) {
              finalSent |=
                  m.path("notificationId").asString("").startsWith(finalEditionEventId + "/");
            }
            if (mails.size() != last[0]) {
              last[0] = mails.size();
              since[0] = System.nanoTime();
            }
            boolean quiet = System.nanoTime() - since[0] >= QUIET.toNanos();
            return finalSent && quiet ? Optional.of(true) : Optional.empty();
          });
    } catch (IllegalStateException e) {
      say("%s; showing what arrived so far", e.getMessage());
    }
  }
}
