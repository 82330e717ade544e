package org.switchboard.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.channel.email.Mailbox;
import org.switchboard.channel.email.testing.InboundHarness;
import org.switchboard.channel.email.testing.MailServer;
import org.switchboard.channel.email.testing.Mailboxes;
import org.switchboard.channel.email.testing.Mails;

/** IMAP IDLE (GreenMail offers it): new mail is fetched at once although the next poll is ten minutes away. */
class ImapIdleTest {
    private static final long TEN_MINUTES = 600_000;
    /** Well within the ten minutes of the poll: only IDLE explains a message fetched before it. */
    private static final Duration PROMPTLY = Duration.ofSeconds(5);

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
    void aNewMessageBecomesAContactWithinSecondsThoughTheNextPollIsTenMinutesAway() throws Exception {
        harness = new InboundHarness(Mailboxes.imapPollingEvery(server, TEN_MINUTES, true)).start();
        await().atMost(PROMPTLY).until(() -> harness.routes.idleConnections() == 1);

        server.deliver(Mails.order(1));

        await().atMost(PROMPTLY).until(() -> server.seenCount() == 1);
        assertThat(harness.ingress.externalIds()).containsExactly("order-1@customer.example");
    }

    @Test
    void afterAServerRestartTheIdleConnectionComesBackAndNewMailIsStillFetchedPromptly() throws Exception {
        harness = new InboundHarness(Mailboxes.imapPollingEvery(server, TEN_MINUTES, true)).start();
        await().atMost(PROMPTLY).until(() -> harness.routes.idleConnections() == 1);
        server.deliver(Mails.order(1));
        await().atMost(PROMPTLY).until(() -> server.seenCount() == 1);

        server.stopImap();
        server.startImap();
        await().atMost(Duration.ofSeconds(20)).until(() -> harness.routes.idleConnections() == 2);
        server.deliver(Mails.order(2));

        await().atMost(PROMPTLY).until(() -> server.seenCount() == 2);
        assertThat(harness.ingress.externalIds()).containsExactly("order-1@customer.example", "order-2@customer.example");
    }

    @Test
    void mailThatArrivesWhileTheServerIsDownIsFetchedWhenItIsBack() throws Exception {
        harness = new InboundHarness(Mailboxes.imapPollingEvery(server, TEN_MINUTES, true)).start();
        await().atMost(PROMPTLY).until(() -> harness.routes.idleConnections() == 1);

        server.stopImap();
        server.deliver(Mails.order(1));
        server.startImap();

        await().atMost(Duration.ofSeconds(20)).until(() -> server.seenCount() == 1);
        assertThat(harness.ingress.externalIds()).containsExactly("order-1@customer.example");
    }

    @Test
    void theKeepAliveRenewsTheIdleCommandOnTheSameConnection() throws Exception {
        Mailbox mailbox = Mailboxes.imapPollingEvery(server, TEN_MINUTES, true);
        harness = new InboundHarness(mailbox);
        harness.start(new EmailInboundRoutes(mailbox, harness.processor(), 200));
        await().atMost(PROMPTLY).until(() -> harness.routes.idleRenewals() >= 3);

        server.deliver(Mails.order(1));

        await().atMost(PROMPTLY).until(() -> server.seenCount() == 1);
        assertThat(harness.routes.idleConnections()).isEqualTo(1);
    }

    @Test
    void withIdleOffTheMailboxOnlyPolls() throws Exception {
        server.deliver(Mails.order(1));
        harness = new InboundHarness(Mailboxes.imapPollingEvery(server, TEN_MINUTES, false)).start();
        await().atMost(PROMPTLY).until(() -> server.seenCount() == 1);

        server.deliver(Mails.order(2));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(4)).until(() -> server.seenCount() == 1);
        assertThat(harness.ingress.externalIds()).containsExactly("order-1@customer.example");
        assertThat(harness.routes.idleConnections()).isZero();
    }

    @Test
    void aPollThatFailedIsTriedAgainWithinSecondsNotAfterTheWholeDelay() throws Exception {
        server.stopImap();
        AtomicInteger attempts = new AtomicInteger();
        Thread dropper;
        try (ServerSocket down = new ServerSocket()) {
            down.setReuseAddress(true);
            down.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), server.imapPort()));
            // a server that greets with BYE: the first poll fails; the client closes first, so the port is free again
            dropper = new Thread(() -> {
                while (!down.isClosed()) {
                    try (Socket s = down.accept()) {
                        attempts.incrementAndGet();
                        s.getOutputStream().write("* BYE going down\r\n".getBytes(StandardCharsets.US_ASCII));
                        s.getOutputStream().flush();
                        while (s.getInputStream().read() >= 0) {
                            // until the client hangs up
                        }
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            dropper.start();
            harness = new InboundHarness(Mailboxes.imapPollingEvery(server, TEN_MINUTES, false)).start();
            await().atMost(PROMPTLY).until(() -> attempts.get() >= 1);
        }
        dropper.join(PROMPTLY.toMillis()); // the client has hung up: nothing holds the port
        server.startImap();
        server.deliver(Mails.order(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> server.seenCount() == 1);
        assertThat(harness.ingress.externalIds()).containsExactly("order-1@customer.example");
    }

    @Test
    void stoppingTheRouteEndsTheIdleConnectionAndItsThreads() throws Exception {
        harness = new InboundHarness(Mailboxes.imapPollingEvery(server, TEN_MINUTES, true)).start();
        await().atMost(PROMPTLY).until(() -> harness.routes.idleConnections() == 1);
        assertThat(mailboxThreads()).isNotZero();

        harness.stop();

        await().atMost(PROMPTLY).until(() -> mailboxThreads() == 0);
    }

    private static long mailboxThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && t.getName().startsWith("email.support.")).count();
    }
}
