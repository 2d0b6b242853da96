package org.ungis.localstack;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.CountDownLatch;
import org.ungis.schemas.webhook.WebhookSignature;
import tools.jackson.databind.JsonNode;

/**
 * Where the local stack's notifications arrive, for a newcomer to read: a real SMTP and IMAP server
 * (GreenMail, in-process) that accepts every e-mail notification-service sends, and a webhook
 * receiver that keeps every delivery and checks its Standard Webhooks signature with the secrets
 * the demo hands it. One small HTTP server shows both:
 *
 * <ul>
 *   <li>{@code GET /}: a page listing the e-mails and the webhook deliveries;
 *   <li>{@code GET /api/mail}, {@code GET /api/webhook}: the same as JSON;
 *   <li>{@code POST /webhook}: the receiver (answers {@code 204});
 *   <li>{@code POST /api/webhook/secrets} {@code {"secret": "whsec_..."}}: a signing secret to
 *       check deliveries with.
 * </ul>
 *
 * <p>Everything is kept in memory: a restart of the inbox starts empty. Run by {@code
 * bin/local-stack}, or alone: {@code java -Dloader.main=org.ungis.localstack.LocalInbox -jar
 * local-stack/target/local-stack-0.1.0-SNAPSHOT-exec.jar [--smtp-port 3025] [--imap-port 3143]
 * [--http-port 8025]}.
 */
public final class LocalInbox implements AutoCloseable {

  /** The ports: SMTP and IMAP (GreenMail's test ports), and the page. */
  public record Settings(int smtpPort, int imapPort, int httpPort) {
    static Settings defaults() {
      return new Settings(3025, 3143, 8025);
    }
  }

  /** One e-mail as the page shows it. */
  record Mail(String to, String subject, String language, String notificationId, String text) {}

  /** One webhook request as the receiver got it. */
  record Delivery(
      Instant receivedAt,
      String webhookId,
      String timestamp,
      String type,
      String signature,
      String body) {}

  private final Settings settings;
  private final GreenMail mail;
  private final HttpServer http;
  private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
  private final Set<String> secrets = new CopyOnWriteArraySet<>();

  private LocalInbox(Settings settings) throws IOException {
    InetAddress loopback = InetAddress.getLoopbackAddress();
    String host = loopback.getHostAddress();
    this.mail =
        new GreenMail(
                new ServerSetup[] {
                  new ServerSetup(settings.smtpPort(), host, ServerSetup.PROTOCOL_SMTP),
                  new ServerSetup(settings.imapPort(), host, ServerSetup.PROTOCOL_IMAP)
                })
            // any login reads the mailbox of its address: the recipient's address, any password
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    this.http = HttpServer.create(new InetSocketAddress(loopback, settings.httpPort()), 16);
    this.settings = settings;
    http.createContext("/", this::handle);
  }

  /** Starts the SMTP, IMAP and HTTP servers. */
  public static LocalInbox start(Settings settings) throws IOException {
    LocalInbox inbox = new LocalInbox(settings);
    inbox.mail.start();
    inbox.http.start();
    return inbox;
  }

  int smtpPort() {
    return settings.smtpPort();
  }

  int httpPort() {
    return http.getAddress().getPort();
  }

  List<Mail> mails() {
    List<Mail> result = new ArrayList<>();
    for (MimeMessage message : mail.getReceivedMessages()) {
      result.add(mailOf(message));
    }
    return result;
  }

  List<Delivery> deliveries() {
    return List.copyOf(deliveries);
  }

  @Override
  public void close() {
    http.stop(0);
    mail.stop();
  }

  /** The settings of {@code [--smtp-port 3025] [--imap-port 3143] [--http-port 8025]}. */
  static Settings settings(List<String> args) {
    Settings defaults = Settings.defaults();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      options.put(args.get(i), args.get(i + 1));
    }
    return new Settings(
        port(options, "--smtp-port", defaults.smtpPort()),
        port(options, "--imap-port", defaults.imapPort()),
        port(options, "--http-port", defaults.httpPort()));
  }

  public static void main(String[] args) throws Exception {
    Settings settings = settings(List.of(args));
    LocalInbox inbox = start(settings);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  inbox.close();
                  stopped.countDown();
                }));
    System.out.printf(
        "LocalInbox ready: SMTP localhost:%d, IMAP localhost:%d (the recipient's address, any"
            + " password), http://localhost:%d/ (e-mails and webhook deliveries)%n",
        settings.smtpPort(), settings.imapPort(), settings.httpPort());
    stopped.await();
  }

  private static int port(Map<String, String> options, String name, int fallback) {
    return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
  }

  // ---------------------------------------------------------------- HTTP

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String path = exchange.getRequestURI().getPath();
      if (method.equals("POST") && path.equals("/webhook")) {
        receive(exchange);
        exchange.sendResponseHeaders(204, -1);
      } else if (method.equals("POST") && path.equals("/api/webhook/secrets")) {
        JsonNode json = Http.JSON.readTree(exchange.getRequestBody().readAllBytes());
        String secret = json.path("secret").asString("");
        try {
          new WebhookSignature(secret);
        } catch (IllegalArgumentException e) {
          send(exchange, 400, "text/plain", e.getMessage());
          return;
        }
        secrets.add(secret);
        exchange.sendResponseHeaders(204, -1);
      } else if (method.equals("GET") && path.equals("/api/mail")) {
        send(exchange, 200, "application/json", Http.JSON.writeValueAsString(mails()));
      } else if (method.equals("GET") && path.equals("/api/webhook")) {
        send(exchange, 200, "application/json", Http.JSON.writeValueAsString(deliveries()));
      } else if (method.equals("GET") && path.equals("/")) {
        send(exchange, 200, "text/html; charset=utf-8", page());
      } else {
        send(exchange, 404, "text/plain", "not found");
      }
    }
  }

  private void receive(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String id = header(exchange, "webhook-id");
    String timestamp = header(exchange, "webhook-timestamp");
    String type;
    try {
      type = Http.JSON.readTree(body).path("type").asString("");
    } catch (RuntimeException e) {
      type = "(not JSON)";
    }
    String signature = check(id, timestamp, body, header(exchange, "webhook-signature"));
    deliveries.add(new Delivery(Instant.now(), id, timestamp, type, signature, body));
  }

  /** {@code valid}, {@code invalid}, or {@code unchecked} when no secret is known. */
  String check(String id, String timestamp, String body, String signatures) {
    if (secrets.isEmpty()) {
      return "unchecked";
    }
    for (String secret : secrets) {
      if (new WebhookSignature(secret).verify(id, timestamp, body, signatures)) {
        return "valid";
      }
    }
    return "invalid";
  }

  private static String header(HttpExchange exchange, String name) {
    String value = exchange.getRequestHeaders().getFirst(name);
    return value == null ? "" : value;
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private String page() {
    StringBuilder html = new StringBuilder();
    html.append("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Local inbox</title></head><body>")
        .append("<h1>Local inbox</h1><p>E-mails sent to the SMTP server on localhost:")
        .append(settings.smtpPort())
        .append(" (read them over IMAP on localhost:")
        .append(settings.imapPort())
        .append(" with the recipient's address and any password), and webhook deliveries")
        .append(" received on /webhook. Kept in memory until the inbox stops.</p>");
    List<Mail> mails = mails();
    html.append("<h2>E-mails (")
        .append(mails.size())
        .append(")</h2><table border=\"1\">")
        .append("<tr><th>to</th><th>language</th><th>subject</th><th>notification</th></tr>");
    for (Mail m : mails) {
      html.append("<tr><td>")
          .append(escape(m.to()))
          .append("</td><td>")
          .append(escape(m.language()))
          .append("</td><td>")
          .append(escape(m.subject()))
          .append("</td><td>")
          .append(escape(m.notificationId()))
          .append("</td></tr>");
    }
    html.append("</table>");
    List<Delivery> all = deliveries();
    html.append("<h2>Webhook deliveries (")
        .append(all.size())
        .append(")</h2><table border=\"1\">")
        .append("<tr><th>received</th><th>webhook-id</th><th>type</th><th>signature</th></tr>");
    for (Delivery d : all) {
      html.append("<tr><td>")
          .append(d.receivedAt())
          .append("</td><td>")
          .append(escape(d.webhookId()))
          .append("</td><td>")
          .append(escape(d.type()))
          .append("</td><td>")
          .append(escape(d.signature()))
          .append("</td></tr>");
    }
    return html.append("</table></body></html>").toString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  // ---------------------------------------------------------------- e-mail

  private static Mail mailOf(MimeMessage message) {
    try {
      Address[] to = message.getAllRecipients();
      String[] languages = message.getContentLanguage();
      String[] ids = message.getHeader("X-UNGIS-Notification-Id");
      return new Mail(
          to == null ? "" : String.join(", ", Arrays.stream(to).map(Address::toString).toList()),
          message.getSubject() == null ? "" : message.getSubject(),
          languages == null ? "" : String.join(", ", languages),
          ids == null ? "" : ids[0],
          plainText(message.getContent()));
    } catch (MessagingException | IOException e) {
      return new Mail("", "(unreadable: " + e.getMessage() + ")", "", "", "");
    }
  }

  /** The text/plain part of a message (or of its first multipart that has one). */
  private static String plainText(Object content) throws MessagingException, IOException {
    if (content instanceof String text) {
      return text;
    }
    if (content instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart part = multipart.getBodyPart(i);
        if (part.isMimeType("text/plain")) {
          return String.valueOf(part.getContent());
        }
        if (part.getContent() instanceof Multipart nested) {
          String text = plainText(nested);
          if (!text.isEmpty()) {
            return text;
          }
        }
      }
    }
    return "";
  }
}
