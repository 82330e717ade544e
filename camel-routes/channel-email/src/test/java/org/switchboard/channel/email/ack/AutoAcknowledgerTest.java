package org.switchboard.channel.email.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.osgi.service.event.Event;
import org.switchboard.api.Channel;
import org.switchboard.api.Direction;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.TicketRef;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.api.service.Interactions;
import org.switchboard.channel.email.Mailbox;
import org.switchboard.channel.email.outbound.SmtpSender;
import org.switchboard.channel.email.store.EmailSchema;
import org.switchboard.channel.email.store.EmailStore;
import org.switchboard.channel.email.testing.InboundHarness;
import org.switchboard.channel.email.testing.MailServer;
import org.switchboard.channel.email.testing.Mailboxes;
import org.switchboard.channel.email.testing.Mails;
import org.switchboard.jdbc.testing.TestDatabases;

/**
 * Acknowledgements through real mail: messages arrive over IMAP, the core's interactions (our own seam)
 * say which conversation each became, the acknowledgement leaves over SMTP.
 */
class AutoAcknowledgerTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final MailServer server = new MailServer();
    private final Map<Long, Long> conversationOfInteraction = new ConcurrentHashMap<>();
    private final Interactions interactions = mock(Interactions.class);
    private final Mailbox mailbox = Mailboxes.withAcks(server);
    private final javax.sql.DataSource dataSource = TestDatabases.h2();
    private final EmailStore store;
    private final AutoAcknowledger acks;
    private final InboundHarness harness;

    AutoAcknowledgerTest() {
        EmailSchema.update(dataSource);
        store = new EmailStore(dataSource, Clock.systemUTC());
        acks = new AutoAcknowledger(mailbox, store, interactions, new SmtpSender(mailbox, store), Clock.systemUTC());
        harness = new InboundHarness(mailbox, dataSource, acks);
        when(interactions.find(anyLong())).thenAnswer(call -> {
            long id = call.getArgument(0);
            return Optional.ofNullable(conversationOfInteraction.get(id)).map(conversation -> details(id, conversation));
        });
    }

    @AfterEach
    void tearDown() {
        harness.close();
        acks.close();
        server.close();
    }

    private static InteractionDetails details(long id, long conversation) {
        Interaction interaction = new Interaction(id, id, Channel.EMAIL, Direction.INBOUND, InteractionState.QUEUED, 1L,
                conversation, "support", null, "x", Instant.now(), null, null, null, null, null, null, null);
        return new InteractionDetails(interaction, null, null, null);
    }

    private static TicketRef ticket(long n) {
        return new TicketRef("local", Long.toString(n), String.format("SB-%06d", n), TicketRef.OPEN, null);
    }

    /** Receives the messages, each its own interaction i in conversation 100 + i. */
    private void receive(String... raws) throws Exception {
        for (String raw : raws) {
            server.deliver(raw);
        }
        harness.start();
        await().atMost(DEADLINE).until(() -> server.seenCount() == raws.length);
        harness.ingress.contacts();
        for (long i = 1; i <= harness.ingress.contacts().size(); i++) {
            conversationOfInteraction.put(i, 100 + i);
        }
    }

    private static String from(String sender, String extraHeaders, int n) {
        return "From: " + sender + "\nTo: support@example.com\n" + extraHeaders + "Subject: Question " + n
                + "\nMessage-ID: <q" + n + "@customer.example>\n\nHello\n";
    }

    private MimeMessage[] acksSent() {
        return server.sentToCustomers();
    }

    @Test
    void aNewConversationIsAcknowledgedWithItsTicketNumberOnceTheTicketIsOpened() throws Exception {
        receive(Mails.order(1));
        assertThat(acksSent()).isEmpty();

        acks.handleEvent(new Event(Topics.TICKET_OPENED, Map.of(
                EventProperties.CONVERSATION_ID, 101L, EventProperties.TICKET, ticket(123))));

        await().atMost(DEADLINE).until(() -> acksSent().length == 1);
        MimeMessage ack = acksSent()[0];
        assertThat(ack.getSubject()).isEqualTo("[SB-000123] Order 1 is late");
        assertThat((String) ack.getContent()).contains("SB-000123");
        assertThat(ack.getAllRecipients()[0].toString()).isEqualTo("anna@customer.example");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<order-1@customer.example>");
        // the pending row goes once the mail is sent: the customer's server may have it a moment before
        await().atMost(DEADLINE).until(() -> store.pendingAcks(mailbox.name(), 10).isEmpty());
    }

    @Test
    void theSameTicketAnnouncedTwiceIsAcknowledgedOnce() throws Exception {
        receive(Mails.order(1));
        acks.ticketOpened(101, ticket(123));
        acks.ticketOpened(101, ticket(123));
        assertThat(acksSent()).hasSize(1);
    }

    @Test
    void aContactOfAnotherConversationIsNotAcknowledged() throws Exception {
        receive(Mails.order(1));
        acks.ticketOpened(999, ticket(5));
        assertThat(acksSent()).isEmpty();
        assertThat(store.pendingAcks(mailbox.name(), 10)).hasSize(1);
    }

    @Test
    void machineMadeMailAndMailFromOurOwnAddressesIsNeverAcknowledged() throws Exception {
        receive(from("robot@shop.example", "Auto-Submitted: auto-replied\n", 1),
                from("news@shop.example", "Precedence: bulk\n", 2),
                from("list@lists.example", "Precedence: list\n", 3),
                from("MAILER-DAEMON@mx.example", "", 4),
                from("sales@example.com", "", 5),
                from("support@example.com", "", 6));
        assertThat(harness.ingress.contacts()).hasSize(6);
        for (long i = 1; i <= 6; i++) {
            acks.ticketOpened(100 + i, ticket(i));
        }
        assertThat(store.pendingAcks(mailbox.name(), 10)).isEmpty();
        assertThat(acksSent()).isEmpty();
    }

    @Test
    void aSenderGetsAtMostTheConfiguredAcknowledgementsPerHour() throws Exception {
        // a robot that writes new mail without saying so: the per-sender limit ends the loop
        receive(from("robot@shop.example", "", 1), from("robot@shop.example", "", 2), from("robot@shop.example", "", 3));
        for (long i = 1; i <= 3; i++) {
            acks.ticketOpened(100 + i, ticket(i));
        }
        assertThat(acksSent()).hasSize(mailbox.autoAck().perHour());
        assertThat(store.acksSentTo("robot@shop.example", Instant.now().minusSeconds(3600))).isEqualTo(2);
        assertThat(store.pendingAcks(mailbox.name(), 10)).isEmpty();
    }

    @Test
    void ourOwnAcknowledgementComingBackIsNotAnswered() throws Exception {
        receive(Mails.order(1));
        acks.ticketOpened(101, ticket(1));
        // the acknowledgement reaches a mailbox that forwards everything to us, unchanged
        MimeMessage ack = acksSent()[0];
        java.io.ByteArrayOutputStream raw = new java.io.ByteArrayOutputStream();
        ack.writeTo(raw);
        server.deliver(raw.toByteArray());
        await().atMost(DEADLINE).until(() -> harness.ingress.contacts().size() == 2);
        conversationOfInteraction.put(2L, 102L);

        acks.ticketOpened(102, ticket(2));
        assertThat(acksSent()).hasSize(1);
    }
}
