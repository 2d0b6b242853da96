package org.ungis.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class LocalInboxIT {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final String SECRET =
      "whsec_" + Base64.getEncoder().encodeToString("a demo signing key of 32 bytes!!".getBytes());

  private LocalInbox inbox;

  @BeforeEach
  void start() throws IOException {
    inbox = LocalInbox.start(new LocalInbox.Settings(freePort(), freePort(), freePort()));
  }

  @AfterEach
  void stop() {
    inbox.close();
  }

  @Test
  void anEmailSentOverSmtpIsListedWithItsLanguageSubjectAndPlainText() throws Exception {
    Properties properties = new Properties();
    properties.put("mail.smtp.host", "127.0.0.1");
    properties.put("mail.smtp.port", String.valueOf(inbox.smtpPort()));
    MimeMessage message = new MimeMessage(Session.getInstance(properties));
    message.setFrom(new InternetAddress("notifications@ungis.localhost"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress("focal.point@itu.int"));
    message.setSubject("Modifications demandées", "UTF-8");
    message.setContentLanguage(new String[] {"fr"});
    message.setHeader("X-UNGIS-Notification-Id", "event-1/EMAIL/focal.point@itu.int");
    MimeBodyPart text = new MimeBodyPart();
    text.setText("Le président demande des modifications.", "UTF-8");
    MimeBodyPart html = new MimeBodyPart();
    html.setContent("<p>Le président demande des modifications.</p>", "text/html; charset=UTF-8");
    message.setContent(new MimeMultipart("alternative", text, html));
    Transport.send(message);

    JsonNode mails = getJson("/api/mail");
    assertThat(mails).hasSize(1);
    assertThat(mails.get(0).path("to").asString()).isEqualTo("focal.point@itu.int");
    assertThat(mails.get(0).path("language").asString()).isEqualTo("fr");
    assertThat(mails.get(0).path("subject").asString()).isEqualTo("Modifications demandées");
    assertThat(mails.get(0).path("notificationId").asString())
        .isEqualTo("event-1/EMAIL/focal.point@itu.int");
    assertThat(mails.get(0).path("text").asString())
        .contains("Le président demande des modifications.");
    assertThat(get("/").body()).contains("Modifications demandées");
  }

  @Test
  void aWebhookDeliveryIsKeptWithItsIdAndItsSignatureChecked() throws Exception {
    String body = "{\"id\":\"e-1\",\"type\":\"review.decided\",\"data\":{}}";
    assertThat(deliver("e-1", body, sign("e-1", "1700000000", body, SECRET)).statusCode())
        .isEqualTo(204);
    assertThat(post("/api/webhook/secrets", "{\"secret\":\"" + SECRET + "\"}").statusCode())
        .isEqualTo(204);
    deliver("e-2", body, sign("e-2", "1700000000", body, SECRET));
    deliver("e-3", body, "v1,AAAA");

    JsonNode deliveries = getJson("/api/webhook");
    assertThat(deliveries).hasSize(3);
    assertThat(deliveries.get(0).path("webhookId").asString()).isEqualTo("e-1");
    assertThat(deliveries.get(0).path("type").asString()).isEqualTo("review.decided");
    assertThat(deliveries.get(0).path("signature").asString()).isEqualTo("unchecked");
    assertThat(deliveries.get(1).path("signature").asString()).isEqualTo("valid");
    assertThat(deliveries.get(2).path("signature").asString()).isEqualTo("invalid");
  }

  private HttpResponse<String> deliver(String id, String body, String signature) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(url("/webhook"))
            .header("Content-Type", "application/json")
            .header("webhook-id", id)
            .header("webhook-timestamp", "1700000000")
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static String sign(String id, String timestamp, String body, String secret)
      throws Exception {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(
        new SecretKeySpec(
            Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
    byte[] signature =
        mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
    return "v1," + Base64.getEncoder().encodeToString(signature);
  }

  private HttpResponse<String> post(String path, String body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(url(path)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> get(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(url(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private JsonNode getJson(String path) throws Exception {
    HttpResponse<String> response = get(path);
    assertThat(response.statusCode()).isEqualTo(200);
    return Http.JSON.readTree(response.body());
  }

  private URI url(String path) {
    return URI.create("http://localhost:" + inbox.httpPort() + path);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
