package org.ungis.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.ungis.notification.NotificationSettings;
import org.ungis.notification.notice.Courier.DeliveryFailedException;
import org.ungis.notification.notice.Letter;

/**
 * The courier against a real SMTP server (GreenMail, in-process): every letter arrives once with
 * its notification's Message-ID, a letter with a bad address fails alone, a server that is down
 * fails the letter and the next one reaches it back.
 *
 * <p>With {@code -Dungis.measure=true} (docs/performance.md gives the command) it also measures the
 * CPU the sending side spends per e-mail beside that of one connection per e-mail (how the service
 * sent before), the same way in the same run: thousands of e-mails, a benchmark's figure rather
 * than a check, so the build's test run does not pay for it.
 */
class SmtpCourierIT {

  static final int LETTERS = 1_000;

  private GreenMail smtp;
  private JavaMailSenderImpl mail;
  private SmtpCourier courier;

  @BeforeEach
  void start() {
    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    mail = new JavaMailSenderImpl();
    mail.setHost("127.0.0.1");
    mail.setPort(smtp.getSmtp().getPort());
    mail.setDefaultEncoding("UTF-8");
    courier = new SmtpCourier(mail, settings());
  }

  @AfterEach
  void stop() throws Exception {
    courier.destroy();
    smtp.stop();
  }

  private static NotificationSettings settings() {
    return new NotificationSettings(
        null,
        null,
        (short) 1,
        new NotificationSettings.Notifications(
            java.net.URI.create("http://localhost:8080"),
            "UNGIS <notifications@ungis.localhost>",
            Duration.ofSeconds(30),
            Duration.ofHours(1),
            Duration.ofHours(24),
            Duration.ofSeconds(1),
            Duration.ofSeconds(10),
            Duration.ofMinutes(1),
            100,
            Duration.ofMillis(50),
            null));
  }

  private static Letter letter(int i) {
    return new Letter(
        "en",
        "Input " + i + " awaits your decision",
        "Text of letter " + i,
        "<p>Letter " + i + "</p>",
        "http://localhost:8080/review/items/c-" + i);
  }

  @Test
  void everyLetterArrivesOnceWithItsNotificationsMessageId() throws Exception {
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      sent.add(
          courier
              .deliver("reviewer" + (i % 7) + "@ungis.test", "n-" + i, letter(i))
              .toCompletableFuture());
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

    MimeMessage[] received = smtp.getReceivedMessages();
    assertThat(received).hasSize(250);
    assertThat(
            Arrays.stream(received)
                .map(m -> header(m, SmtpCourier.NOTIFICATION_HEADER))
                .distinct()
                .count())
        .isEqualTo(250);
    assertThat(Arrays.stream(received).map(SmtpCourierIT::messageId).distinct().count())
        .isEqualTo(250);
  }

  @Test
  void aBadAddressFailsAloneAndTheOthersArrive() throws Exception {
    CompletableFuture<Void> before =
        courier.deliver("a@ungis.test", "n-a", letter(1)).toCompletableFuture();
    CompletableFuture<Void> bad =
        courier.deliver("not an address@", "n-bad", letter(2)).toCompletableFuture();
    CompletableFuture<Void> after =
        courier.deliver("b@ungis.test", "n-b", letter(3)).toCompletableFuture();

    CompletableFuture.allOf(before, after).get(30, TimeUnit.SECONDS);
    await().atMost(Duration.ofSeconds(30)).until(bad::isDone);
    assertThat(bad)
        .failsWithin(Duration.ZERO)
        .withThrowableOfType(java.util.concurrent.ExecutionException.class)
        .withCauseInstanceOf(DeliveryFailedException.class);
    assertThat(smtp.getReceivedMessages()).hasSize(2);
  }

  @Test
  void aServerThatIsDownFailsTheLetterAndTheNextAttemptReachesTheServerBack() throws Exception {
    smtp.stop();
    CompletableFuture<Void> down =
        courier.deliver("a@ungis.test", "n-down", letter(1)).toCompletableFuture();
    await().atMost(Duration.ofSeconds(30)).until(down::isDone);
    assertThat(down).isCompletedExceptionally();

    smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
    smtp.start();
    mail.setPort(smtp.getSmtp().getPort());
    courier
        .deliver("a@ungis.test", "n-down", letter(1))
        .toCompletableFuture()
        .get(30, TimeUnit.SECONDS);
    assertThat(smtp.getReceivedMessages()).hasSize(1);
  }

  /**
   * CPU of the sending side per e-mail (the caller's thread and the courier's sender thread), the
   * courier against one connection per e-mail. Printed, not asserted: a shared machine makes the
   * figure vary; what is asserted is that every e-mail arrived.
   */
  @Test
  @EnabledIfSystemProperty(
      named = "ungis.measure",
      matches = "true",
      disabledReason = "a measurement (docs/performance.md), run with -Dungis.measure=true")
  void cpuPerEmailOverSharedConnectionsAgainstOneConnectionEach() throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    // warm both paths up (the JIT), then alternate them, so that neither gets the quieter moment
    onePerEmail(LETTERS / 2, 0);
    viaCourier(LETTERS / 2, LETTERS / 2);
    smtp.purgeEmailFromAllMailboxes();
    long onePerEmailCpu = 0;
    long sharedCpu = 0;
    for (int round = 0; round < 2; round++) {
      int offset = (round + 1) * LETTERS;
      long caller = threads.getCurrentThreadCpuTime();
      onePerEmail(LETTERS / 2, offset);
      onePerEmailCpu += threads.getCurrentThreadCpuTime() - caller;
      long sender = senderCpu(threads);
      caller = threads.getCurrentThreadCpuTime();
      viaCourier(LETTERS / 2, offset + LETTERS / 2);
      sharedCpu += threads.getCurrentThreadCpuTime() - caller + senderCpu(threads) - sender;
    }
    double onePerEmail = onePerEmailCpu / 1e6 / LETTERS;
    double shared = sharedCpu / 1e6 / LETTERS;

    assertThat(smtp.getReceivedMessages()).hasSize(2 * LETTERS);
    System.out.printf(
        "CPU of the sending side per e-mail (%d e-mails each, load average %.1f):"
            + " one connection per e-mail %.3f ms, the courier %.3f ms%n",
        LETTERS,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        onePerEmail,
        shared);
  }

  private void onePerEmail(int count, int offset) throws Exception {
    for (int i = offset; i < offset + count; i++) {
      // the same e-mail as the courier's, sent as the service sent it before: one connection each
      mail.send(courier.message("reviewer" + (i % 7) + "@ungis.test", "n-" + i, letter(i)));
    }
  }

  private void viaCourier(int count, int offset) throws Exception {
    List<CompletableFuture<Void>> sent = new ArrayList<>();
    for (int i = offset; i < offset + count; i++) {
      sent.add(
          courier
              .deliver("reviewer" + (i % 7) + "@ungis.test", "n-" + i, letter(i))
              .toCompletableFuture());
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
  }

  private static long senderCpu(ThreadMXBean threads) {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("smtp-courier"))
        .mapToLong(t -> threads.getThreadCpuTime(t.getId()))
        .sum();
  }

  private static String header(MimeMessage message, String name) {
    try {
      return message.getHeader(name, null);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
