package org.switchboard.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import jakarta.mail.Flags;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.InboundContact;
import org.switchboard.channel.email.testing.InboundHarness;
import org.switchboard.channel.email.testing.MailServer;
import org.switchboard.channel.email.testing.Mailboxes;
import org.switchboard.channel.email.testing.Mails;

class ImapInboundTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final MailServer server = new MailServer();
    private InboundHarness harness;

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
        server.close();
    }

    @Test
    void aMailInTheMailboxBecomesAContactAndIsFlaggedSeen() throws Exception {
        server.deliver(Mails.order(1));
        harness = new InboundHarness(Mailboxes.imap(server)).start();

        await().atMost(DEADLINE).until(() -> server.seenCount() == 1);
        InboundContact contact = harness.ingress.only();
        assertThat(contact.channel()).isEqualTo(Channel.EMAIL);
        assertThat(contact.externalId()).isEqualTo("order-1@customer.example");
        assertThat(contact.from()).isEqualTo(Address.email("anna@customer.example"));
        assertThat(contact.fromName()).isEqualTo("Anna Schmidt");
        assertThat(contact.entryPoint()).isEqualTo(MailServer.ADDRESS);
        assertThat(contact.subject()).isEqualTo("Order 1 is late");
        assertThat(contact.body()).isEqualTo("Where is my order 1?\r\n");
        assertThat(contact.occurredAt()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(server.inbox()).hasSize(1);
    }

    @Test
    void aMessageStaysUnseenUntilTheCoreHasStoredIt() throws Exception {
        server.deliver(Mails.order(1));
        CountDownLatch atGate = harness(Mailboxes.imap(server)).ingress.closeGate(0);
        harness.start();

        assertThat(atGate.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(server.seenCount()).isZero();
        harness.ingress.openGate();
        await().atMost(DEADLINE).until(() -> server.seenCount() == 1);
        assertThat(harness.ingress.contacts()).hasSize(1);
    }

    @Test
    void whenTheCoreCannotStoreTheMessageStaysUnseenAndComesAgain() throws Exception {
        server.deliver(Mails.order(1));
        harness(Mailboxes.imap(server)).ingress.failBeforeStore.set(2);
        harness.start();

        await().atMost(DEADLINE).until(() -> server.seenCount() == 1);
        assertThat(harness.ingress.calls.get()).isGreaterThanOrEqualTo(3);
        assertThat(harness.ingress.contacts()).hasSize(1);
    }

    @Test
    void aCrashBetweenStoreAndFlagNeitherLosesNorDuplicatesTheMessage() throws Exception {
        server.deliver(Mails.order(1));
        server.deliver(Mails.order(2));
        // the core commits the first contact, but the channel never learns it (a crash before the flag)
        harness(Mailboxes.imap(server)).ingress.crashAfterStore.set(1);
        harness.start();

        await().atMost(DEADLINE).until(() -> server.seenCount() == 2);
        assertThat(harness.ingress.externalIds())
                .containsExactlyInAnyOrder("order-1@customer.example", "order-2@customer.example");
    }

    @Test
    void aRestartOfTheChannelReadsOnlyWhatWasNotStoredYet() throws Exception {
        server.deliver(Mails.order(1));
        harness = new InboundHarness(Mailboxes.imap(server)).start();
        await().atMost(DEADLINE).until(() -> server.seenCount() == 1);
        harness.close();

        server.deliver(Mails.order(2));
        InboundHarness second = new InboundHarness(Mailboxes.imap(server), harness.dataSource, null);
        harness = second.start();
        await().atMost(DEADLINE).until(() -> server.seenCount() == 2);
        assertThat(second.ingress.externalIds()).containsExactly("order-2@customer.example");
    }

    @Test
    void aServerRestartMidPollLosesNothingAndDuplicatesNothing() throws Exception {
        for (int i = 1; i <= 5; i++) {
            server.deliver(Mails.order(i));
        }
        // the second message is being handed to the core when the IMAP server goes away
        CountDownLatch atGate = harness(Mailboxes.imap(server)).ingress.closeGate(1);
        harness.start();
        assertThat(atGate.await(20, TimeUnit.SECONDS)).isTrue();
        server.stopImap();
        harness.ingress.openGate();
        server.startImap();

        await().atMost(DEADLINE).until(() -> server.seenCount() == 5);
        assertThat(harness.ingress.externalIds()).hasSize(5).doesNotHaveDuplicates();
        assertThat(server.inbox()).hasSize(5);
    }

    @Test
    void aStoredMessageIsMovedWhenAFolderIsConfigured() throws Exception {
        server.createFolder("Switchboard");
        server.deliver(Mails.order(1));
        harness = new InboundHarness(Mailboxes.imapMovingTo(server, "Switchboard")).start();

        await().atMost(DEADLINE).until(() -> server.folder("Switchboard").getMessageCount() == 1);
        // the copy left behind is flagged deleted, as an IMAP move leaves it until the folder is expunged;
        // the flag is set right after the copy, so it may come a moment after the copy shows
        await("the copy in the inbox flagged deleted").atMost(DEADLINE)
                .until(() -> server.inbox().stream().allMatch(m -> m.isSet(Flags.Flag.DELETED)));
        assertThat(harness.ingress.contacts()).hasSize(1);
    }

    @Test
    void aPoisonMessageIsStoredRawAndTheMailboxMovesOn() throws Exception {
        server.deliver("To: support@example.com\nSubject: nobody sent this\nMessage-ID: <poison@x.example>\n\nno sender\n");
        server.deliver(Mails.order(2));
        harness = new InboundHarness(Mailboxes.imap(server)).start();

        await().atMost(DEADLINE).until(() -> server.seenCount() == 2);
        assertThat(harness.ingress.externalIds()).containsExactly("order-2@customer.example");
        assertThat(harness.store.rejected(10)).singleElement().satisfies(r -> {
            assertThat(r.sourceId()).isEqualTo("poison@x.example");
            assertThat(r.error()).contains("no usable sender address");
        });
        long id = harness.store.rejected(10).get(0).id();
        assertThat(new String(harness.store.rejectedRaw(id).orElseThrow(), "ISO-8859-1")).contains("nobody sent this");
        assertThat(server.inbox()).hasSize(2).allMatch(m -> m.isSet(Flags.Flag.SEEN));
    }

    @Test
    void aMessageWithoutMessageIdIsKnownByItsUid() throws Exception {
        server.deliver("From: a@customer.example\nTo: support@example.com\nSubject: no id\n\nhello\n");
        harness = new InboundHarness(Mailboxes.imap(server)).start();

        await().atMost(DEADLINE).until(() -> server.seenCount() == 1);
        assertThat(harness.ingress.only().externalId()).matches("uid:support:INBOX:\\d+:1");
    }

    @Test
    void repliesCarryTheirThreadHeadersToTheCore() throws Exception {
        server.deliver("From: a@customer.example\nTo: support@example.com\nSubject: Re: [SB-000123] Order 1 is late\n"
                + "Message-ID: <reply-1@customer.example>\nIn-Reply-To: <sb.abc@example.com>\n"
                + "References: <order-1@customer.example>\n <sb.abc@example.com>\n\nStill waiting.\n");
        harness = new InboundHarness(Mailboxes.imap(server)).start();

        await().atMost(DEADLINE).until(() -> server.seenCount() == 1);
        InboundContact contact = harness.ingress.only();
        assertThat(contact.thread().inReplyTo()).isEqualTo("sb.abc@example.com");
        assertThat(contact.thread().references()).containsExactly("order-1@customer.example", "sb.abc@example.com");
        assertThat(contact.subject()).isEqualTo("Re: [SB-000123] Order 1 is late");
    }

    private InboundHarness harness(org.switchboard.channel.email.Mailbox mailbox) {
        harness = new InboundHarness(mailbox);
        return harness;
    }
}
