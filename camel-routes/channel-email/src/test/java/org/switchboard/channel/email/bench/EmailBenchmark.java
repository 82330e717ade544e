package org.switchboard.channel.email.bench;

import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.internet.MimeMessage;
import javax.sql.DataSource;
import org.apache.camel.impl.DefaultCamelContext;
import org.switchboard.channel.email.Mailbox;
import org.switchboard.channel.email.inbound.EmailInboundRoutes;
import org.switchboard.channel.email.inbound.InboundMailProcessor;
import org.switchboard.channel.email.store.EmailSchema;
import org.switchboard.channel.email.store.EmailStore;
import org.switchboard.channel.email.testing.FakeIngress;
import org.switchboard.channel.email.testing.MailServer;
import org.switchboard.channel.email.testing.Mailboxes;
import org.switchboard.channel.email.testing.SwitchboardOnH2;
import org.switchboard.jdbc.testing.TestDatabases;

/**
 * Messages per second from an IMAP mailbox (GreenMail) to accepted contacts and to tickets in the
 * built-in CRM, with the real core on H2. Every message is a new conversation (the worst case: each
 * opens a ticket). A second run hands the same messages to the channel's processor directly, without
 * IMAP: what parsing, attachment storage, the core and the CRM manage, whatever the mail server.
 *
 * <pre>
 * mvn -B -o -q -pl camel-routes/channel-email test-compile exec:java \
 *     -Dexec.mainClass=org.switchboard.channel.email.bench.EmailBenchmark -Dexec.classpathScope=test \
 *     -Dexec.args="2000 500 300"
 * </pre>
 * Arguments: messages (default 2000), messages per poll (default 500), messages over IMAP (default 300),
 * and optionally a real IMAP server, {@code imap://USER:PASSWORD@HOST:PORT}, whose INBOX the run
 * empties, fills by APPEND and reads like GreenMail's (see the README for a local Dovecot).
 * (GreenMail answers each IMAP command in several small writes without TCP_NODELAY, so every round trip
 * waits for the client's delayed ACK, about 40 ms: the GreenMail figure is GreenMail's.)
 */
public final class EmailBenchmark {
    private EmailBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int perPoll = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int overImap = args.length > 2 ? Integer.parseInt(args[2]) : Math.min(messages, 300);
        System.out.printf("%d messages (%d over IMAP), %d cores%n", messages, overImap,
                Runtime.getRuntime().availableProcessors());
        overImap(overImap, perPoll);
        if (args.length > 3) {
            overRealImap(URI.create(args[3]), overImap, perPoll);
        }
        withoutImap(messages);
        channelAlone(messages);
    }

    /** The channel's own work: parsing, attachments, bookkeeping; the core replaced by an in-memory ingress. */
    private static void channelAlone(int messages) throws Exception {
        try (MailServer server = new MailServer()) {
            DataSource dataSource = TestDatabases.h2();
            EmailSchema.update(dataSource);
            InboundMailProcessor processor = new InboundMailProcessor(Mailboxes.imap(server),
                    new EmailStore(dataSource, Clock.systemUTC()), new FakeIngress(), (mail, sourceId, receipt) -> { },
                    Clock.systemUTC());
            List<MimeMessage> received = parsed(messages);
            long start = System.nanoTime();
            for (MimeMessage message : received) {
                processor.handle(message);
            }
            long took = System.nanoTime() - start;
            System.out.printf("the channel alone (core replaced by an in-memory ingress):%n");
            System.out.printf("  -> handled:               %6.1f s, %5.0f messages/s%n", took / 1e9, messages / (took / 1e9));
        }
    }

    private static List<MimeMessage> parsed(int messages) throws Exception {
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> received = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            byte[] raw = message(i).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
            received.add(new MimeMessage(session, new ByteArrayInputStream(raw)));
        }
        return received;
    }

    private static void overImap(int messages, int perPoll) throws Exception {
        try (MailServer server = new MailServer(); SwitchboardOnH2 switchboard = new SwitchboardOnH2();
             DefaultCamelContext camel = new DefaultCamelContext()) {
            for (int i = 0; i < messages; i++) {
                server.deliver(message(i));
            }
            Mailbox m = Mailboxes.imap(server);
            Mailbox mailbox = new Mailbox(m.name(), m.address(), m.protocol(), m.host(), m.port(), m.tls(), m.user(),
                    m.password(), m.folder(), null, false, 100, perPoll, m.limits(), m.smtp(), m.timeoutMillis(), Set.of(),
                    new Mailbox.AutoAck(false, "", "", 0));
            EmailSchema.update(switchboard.dataSource);
            EmailStore store = new EmailStore(switchboard.dataSource, Clock.systemUTC());
            camel.addRoutes(new EmailInboundRoutes(mailbox, new InboundMailProcessor(mailbox, store,
                    switchboard.core.ingress(), (mail, sourceId, receipt) -> { }, Clock.systemUTC())));

            long start = System.nanoTime();
            camel.start();
            long accepted = waitFor(() -> server.seenCount() >= messages, start);
            long ticketed = waitFor(() -> count(switchboard.dataSource, "SELECT COUNT(*) FROM crm_local_tickets") >= messages, start);
            print("IMAP (GreenMail), " + perPoll + " per poll", messages, accepted, ticketed);
        }
    }

    /** The same run against a real IMAP server: its INBOX emptied, then filled by APPEND. */
    private static void overRealImap(URI server, int messages, int perPoll) throws Exception {
        String[] credentials = server.getRawUserInfo().split(":", 2);
        String user = URLDecoder.decode(credentials[0], StandardCharsets.UTF_8);
        String password = URLDecoder.decode(credentials[1], StandardCharsets.UTF_8);
        Session session = Session.getInstance(new Properties());
        try (Store store = session.getStore("imap"); SwitchboardOnH2 switchboard = new SwitchboardOnH2();
             DefaultCamelContext camel = new DefaultCamelContext()) {
            store.connect(server.getHost(), server.getPort(), user, password);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            if (inbox.getMessageCount() > 0) {
                inbox.setFlags(1, inbox.getMessageCount(), new Flags(Flags.Flag.DELETED), true);
                inbox.expunge();
            }
            List<MimeMessage> mails = parsed(messages);
            inbox.appendMessages(mails.toArray(Message[]::new));

            Mailbox mailbox = new Mailbox("support", "support@example.com", Mailbox.Protocol.IMAP, server.getHost(),
                    server.getPort(), false, user, password, "INBOX", null, false, 100, perPoll, Mailboxes.LIMITS,
                    new Mailbox.Smtp(server.getHost(), 25, "none", user, password), 5000, Set.of(),
                    new Mailbox.AutoAck(false, "", "", 0));
            EmailSchema.update(switchboard.dataSource);
            EmailStore emailStore = new EmailStore(switchboard.dataSource, Clock.systemUTC());
            camel.addRoutes(new EmailInboundRoutes(mailbox, new InboundMailProcessor(mailbox, emailStore,
                    switchboard.core.ingress(), (mail, sourceId, receipt) -> { }, Clock.systemUTC())));
            FlagTerm seen = new FlagTerm(new Flags(Flags.Flag.SEEN), true);

            long start = System.nanoTime();
            camel.start();
            long accepted = waitFor(() -> inbox.search(seen).length >= messages, start);
            long ticketed = waitFor(() -> count(switchboard.dataSource, "SELECT COUNT(*) FROM crm_local_tickets") >= messages, start);
            print("IMAP (" + server.getHost() + ":" + server.getPort() + "), " + perPoll + " per poll", messages, accepted, ticketed);
        }
    }

    private static void withoutImap(int messages) throws Exception {
        try (MailServer server = new MailServer(); SwitchboardOnH2 switchboard = new SwitchboardOnH2()) {
            Mailbox mailbox = Mailboxes.imap(server);
            EmailSchema.update(switchboard.dataSource);
            EmailStore store = new EmailStore(switchboard.dataSource, Clock.systemUTC());
            InboundMailProcessor processor = new InboundMailProcessor(mailbox, store, switchboard.core.ingress(),
                    (mail, sourceId, receipt) -> { }, Clock.systemUTC());
            List<MimeMessage> received = parsed(messages);
            long start = System.nanoTime();
            for (MimeMessage message : received) {
                processor.handle(message);
            }
            long accepted = System.nanoTime() - start;
            long ticketed = waitFor(() -> count(switchboard.dataSource, "SELECT COUNT(*) FROM crm_local_tickets") >= messages, start);
            print("channel without IMAP, one message at a time", messages, accepted, ticketed);
        }
    }

    private static void print(String what, int messages, long accepted, long ticketed) {
        System.out.printf("%s:%n", what);
        System.out.printf("  -> accepted contacts:     %6.1f s, %5.0f messages/s%n", accepted / 1e9, messages / (accepted / 1e9));
        System.out.printf("  -> tickets in crm-local:  %6.1f s, %5.0f messages/s%n", ticketed / 1e9, messages / (ticketed / 1e9));
    }

    private interface Condition {
        boolean met() throws Exception;
    }

    /** Nanoseconds from {@code start} until the condition holds (looked at every 20 ms, for at most 10 minutes). */
    private static long waitFor(Condition condition, long start) {
        await().atMost(Duration.ofMinutes(10)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(condition::met);
        return System.nanoTime() - start;
    }

    private static long count(DataSource dataSource, String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }

    private static String message(int i) {
        return "From: \"Customer " + i + "\" <customer" + i + "@customer.example>\n"
                + "To: support@example.com\n"
                + "Subject: Question " + i + "\n"
                + "Message-ID: <bench-" + i + "@customer.example>\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: multipart/alternative; boundary=b\n\n"
                + "--b\nContent-Type: text/plain; charset=utf-8\n\nHello, I have a question about order " + i + ".\n"
                + "--b\nContent-Type: text/html; charset=utf-8\n\n<p>Hello, I have a question about order <b>" + i + "</b>.</p>\n"
                + "--b--\n";
    }
}
