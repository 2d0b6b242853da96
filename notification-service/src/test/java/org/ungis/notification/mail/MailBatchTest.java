package org.ungis.notification.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MailBatchTest {

  private static final Session SESSION = Session.getInstance(new Properties());

  /** What the SMTP server saw: the connections opened and the recipients accepted on each. */
  private final List<Connection> connections = new ArrayList<>();

  /** One connection: refuses the given recipients, breaks on the given one. */
  private final class Connection extends Transport {
    final List<String> accepted = new ArrayList<>();
    final Set<String> refuse;
    final String breakOn;
    boolean open = true;
    boolean closed;

    Connection(Set<String> refuse, String breakOn) {
      super(SESSION, null);
      this.refuse = refuse;
      this.breakOn = breakOn;
    }

    @Override
    public void sendMessage(Message message, Address[] addresses) throws MessagingException {
      assertThat(open).as("sent over an open connection").isTrue();
      String to = addresses[0].toString();
      if (refuse.contains(to)) {
        throw new SendFailedException("550 no such mailbox: " + to);
      }
      if (to.equals(breakOn)) {
        open = false;
        throw new MessagingException("[EOF]");
      }
      accepted.add(to);
    }

    @Override
    public boolean isConnected() {
      return open;
    }

    @Override
    public void close() {
      open = false;
      closed = true;
    }
  }

  private static List<MimeMessage> messages(int count) throws MessagingException {
    List<MimeMessage> messages = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      MimeMessage message = new MimeMessage(SESSION);
      message.setFrom("notifications@ungis.localhost");
      message.setRecipient(Message.RecipientType.TO, new InternetAddress("r" + i + "@ungis.test"));
      message.setSubject("letter " + i);
      message.setText("text " + i);
      messages.add(message);
    }
    return messages;
  }

  private static List<Integer> failedIndexes(Exception[] failed) {
    return IntStream.range(0, failed.length).filter(i -> failed[i] != null).boxed().toList();
  }

  @Test
  void everyMessageGoesOverOneConnectionClosedAfterwards() throws Exception {
    Exception[] failed =
        MailBatch.send(
            messages(5),
            () -> {
              Connection c = new Connection(Set.of(), null);
              connections.add(c);
              return c;
            });

    assertThat(failedIndexes(failed)).isEmpty();
    assertThat(connections).singleElement().satisfies(c -> assertThat(c.closed).isTrue());
    assertThat(connections.get(0).accepted)
        .containsExactly(
            "r0@ungis.test", "r1@ungis.test", "r2@ungis.test", "r3@ungis.test", "r4@ungis.test");
  }

  @Test
  void aRefusedAddressFailsAloneAndTheOthersGoOverTheSameConnection() throws Exception {
    Exception[] failed =
        MailBatch.send(
            messages(4),
            () -> {
              Connection c = new Connection(Set.of("r1@ungis.test"), null);
              connections.add(c);
              return c;
            });

    assertThat(failedIndexes(failed)).containsExactly(1);
    assertThat(failed[1]).isInstanceOf(SendFailedException.class);
    assertThat(connections).hasSize(1);
    assertThat(connections.get(0).accepted)
        .containsExactly("r0@ungis.test", "r2@ungis.test", "r3@ungis.test");
  }

  @Test
  void aBrokenConnectionFailsTheMessageBeingSentAndANewOneCarriesTheRest() throws Exception {
    Exception[] failed =
        MailBatch.send(
            messages(4),
            () -> {
              Connection c =
                  new Connection(Set.of(), connections.isEmpty() ? "r1@ungis.test" : null);
              connections.add(c);
              return c;
            });

    assertThat(failedIndexes(failed)).containsExactly(1);
    assertThat(connections).hasSize(2).allSatisfy(c -> assertThat(c.closed).isTrue());
    assertThat(connections.get(0).accepted).containsExactly("r0@ungis.test");
    assertThat(connections.get(1).accepted).containsExactly("r2@ungis.test", "r3@ungis.test");
  }

  @Test
  void aConnectionThatCannotBeOpenedFailsEveryMessageLeft() throws Exception {
    MessagingException refused = new MessagingException("connection refused");
    Exception[] failed =
        MailBatch.send(
            messages(3),
            () -> {
              if (!connections.isEmpty()) {
                throw refused;
              }
              Connection c = new Connection(Set.of(), "r0@ungis.test");
              connections.add(c);
              return c;
            });

    assertThat(failedIndexes(failed)).containsExactly(0, 1, 2);
    assertThat(failed[1]).isSameAs(refused);
    assertThat(failed[2]).isSameAs(refused);
  }

  @Test
  void eachMessageKeepsItsOwnMessageIdAndGetsASentDate() throws Exception {
    List<MimeMessage> messages = messages(2);
    MailBatch.send(messages, () -> new Connection(Set.of(), null));

    assertThat(messages).allSatisfy(m -> assertThat(m.getSentDate()).isNotNull());
    assertThat(messages.get(0).getMessageID()).isNotEqualTo(messages.get(1).getMessageID());
  }
}
