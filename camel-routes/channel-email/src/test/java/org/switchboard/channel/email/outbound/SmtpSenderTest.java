package org.switchboard.channel.email.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.ThreadHints;
import org.switchboard.api.spi.DeliveryException;
import org.switchboard.api.spi.OutboundMessage;
import org.switchboard.channel.email.Mailbox;
import org.switchboard.channel.email.store.EmailSchema;
import org.switchboard.channel.email.store.EmailStore;
import org.switchboard.channel.email.testing.MailServer;
import org.switchboard.channel.email.testing.Mailboxes;
import org.switchboard.jdbc.testing.TestDatabases;

class SmtpSenderTest {
    private final MailServer server = new MailServer();
    private EmailStore store;
    private SmtpSender sender;

    @BeforeEach
    void setUp() {
        var dataSource = TestDatabases.h2();
        EmailSchema.update(dataSource);
        store = new EmailStore(dataSource, Clock.systemUTC());
        sender = new SmtpSender(Mailboxes.imap(server), store);
    }

    @AfterEach
    void tearDown() {
        server.close();
    }

    private static OutboundMessage reply(String key, ThreadHints thread) {
        return new OutboundMessage(key, Channel.EMAIL, Address.email("anna@customer.example"), MailServer.ADDRESS,
                7, 42, "agent-1", "Re: [SB-000123] Заказ не пришёл", "Ваш заказ в пути.\nAnna, it ships today.", thread, Map.of());
    }

    @Test
    void sendsFromTheMailboxWithThreadingHeadersTheCustomersClientUnderstands() throws Exception {
        String id = sender.send(reply("reply-1", new ThreadHints(null, "order-1@customer.example",
                List.of("first@customer.example", "order-1@customer.example"))));

        MimeMessage mail = server.sentToCustomers()[0];
        assertThat(id).matches("sb\\.[0-9a-f]{32}@example\\.com");
        assertThat(mail.getMessageID()).isEqualTo("<" + id + ">");
        assertThat(mail.getHeader("In-Reply-To", null)).isEqualTo("<order-1@customer.example>");
        assertThat(mail.getHeader("References", null)).isEqualTo("<first@customer.example> <order-1@customer.example>");
        assertThat(mail.getFrom()).containsExactly(new InternetAddress(MailServer.ADDRESS));
        assertThat(mail.getAllRecipients()).containsExactly(new InternetAddress("anna@customer.example"));
        assertThat(mail.getSubject()).isEqualTo("Re: [SB-000123] Заказ не пришёл");
        assertThat(((String) mail.getContent()).replace("\r\n", "\n")).isEqualTo("Ваш заказ в пути.\nAnna, it ships today.");
        assertThat(mail.getHeader("Auto-Submitted")).isNull();
    }

    @Test
    void theRepliedToIdJoinsTheReferences() throws Exception {
        sender.send(reply("reply-1", new ThreadHints(null, "order-2@customer.example", List.of("first@customer.example"))));
        assertThat(server.sentToCustomers()[0].getHeader("References", null))
                .isEqualTo("<first@customer.example> <order-2@customer.example>");
    }

    @Test
    void theSameKeyIsSentOnlyOnce() throws Exception {
        String first = sender.send(reply("reply-1", ThreadHints.NONE));
        String again = sender.send(reply("reply-1", ThreadHints.NONE));
        String other = sender.send(reply("reply-2", ThreadHints.NONE));

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
        assertThat(server.sentToCustomers()).hasSize(2);
    }

    @Test
    void anUnreachableServerIsARetryableFailureAndTheRetrySendsWithTheSameId() throws Exception {
        String expected = sender.messageId("reply-1");
        server.greenMail().getSmtp().stopService();
        assertThatThrownBy(() -> sender.send(reply("reply-1", ThreadHints.NONE)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.isRetryable()).isTrue());

        try (MailServer second = new MailServer()) {
            Mailbox moved = Mailboxes.imap(second);
            String id = new SmtpSender(moved, store).send(reply("reply-1", ThreadHints.NONE));
            assertThat(id).isEqualTo(expected);
            assertThat(second.sentToCustomers()).hasSize(1);
        }
    }

    @Test
    void aWrongPasswordIsReportedAsRetryableWithWhatToCheck() {
        Mailbox m = Mailboxes.imap(server);
        Mailbox wrong = new Mailbox(m.name(), m.address(), m.protocol(), m.host(), m.port(), m.tls(), m.user(),
                m.password(), m.folder(), m.moveTo(), m.idle(), m.pollDelayMillis(), m.maxMessagesPerPoll(), m.limits(),
                new Mailbox.Smtp("127.0.0.1", server.smtpPort(), "none", "support", "wrong"), m.timeoutMillis(),
                m.ownAddresses(), m.autoAck());
        assertThatThrownBy(() -> new SmtpSender(wrong, store).send(reply("reply-1", ThreadHints.NONE)))
                .isInstanceOfSatisfying(DeliveryException.class, e -> {
                    assertThat(e.isRetryable()).isTrue();
                    assertThat(e.getMessage()).contains("smtpPassword").doesNotContain("wrong");
                });
    }

    @Test
    void permanentSmtpAnswersAreNotRetriedAndTemporaryOnesAre() throws Exception {
        InternetAddress to = new InternetAddress("anna@customer.example");
        assertThat(SmtpSender.classify(new SMTPAddressFailedException(to, "RCPT TO", 550, "5.1.1 no such user"))
                .isRetryable()).isFalse();
        assertThat(SmtpSender.classify(new SMTPSendFailedException("DATA", 552, "5.3.4 message too big", null,
                null, null, null)).isRetryable()).isFalse();
        assertThat(SmtpSender.classify(new SMTPSendFailedException("MAIL FROM", 451, "4.3.0 try again later", null,
                null, null, null)).isRetryable()).isTrue();
    }
}
