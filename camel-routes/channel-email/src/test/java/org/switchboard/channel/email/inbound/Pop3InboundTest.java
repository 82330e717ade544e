package org.switchboard.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.channel.email.testing.InboundHarness;
import org.switchboard.channel.email.testing.MailServer;
import org.switchboard.channel.email.testing.Mailboxes;
import org.switchboard.channel.email.testing.Mails;

class Pop3InboundTest {
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
    void eachMessageBecomesOneContactOverManyPollsAndNothingIsDeleted() throws Exception {
        server.deliver(Mails.order(1));
        server.deliver(Mails.order(2));
        harness = new InboundHarness(Mailboxes.pop3(server)).start();
        await().atMost(DEADLINE).until(() -> harness.ingress.contacts().size() == 2);

        server.deliver(Mails.order(3));
        await().atMost(DEADLINE).until(() -> harness.ingress.contacts().size() == 3);
        // later polls list all three again; the first two are known and never handed in again
        int calls = harness.ingress.calls.get();
        int handled = harness.completed.get();
        await().atMost(DEADLINE).until(() -> harness.completed.get() >= handled + 6);
        assertThat(harness.ingress.calls.get()).isEqualTo(calls);
        assertThat(harness.ingress.externalIds()).containsExactly(
                "order-1@customer.example", "order-2@customer.example", "order-3@customer.example");
        assertThat(server.inbox()).hasSize(3);
    }

    @Test
    void aMessageTheCoreCouldNotStoreComesAgainWithTheNextPoll() throws Exception {
        server.deliver(Mails.order(1));
        InboundHarness h = new InboundHarness(Mailboxes.pop3(server));
        h.ingress.failBeforeStore.set(1);
        harness = h.start();

        await().atMost(DEADLINE).until(() -> harness.ingress.contacts().size() == 1);
        assertThat(harness.ingress.calls.get()).isGreaterThanOrEqualTo(2);
    }
}
