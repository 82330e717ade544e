package org.switchboard.channel.email.testing;

import java.util.Set;
import org.switchboard.channel.email.Mailbox;

/** Mailbox settings for the test server. */
public final class Mailboxes {
    public static final Mailbox.Limits LIMITS = new Mailbox.Limits(1_000_000, 100_000, 150_000);

    private Mailboxes() {
    }

    public static Mailbox imap(MailServer server) {
        return of(server, Mailbox.Protocol.IMAP, server.imapPort(), null, false);
    }

    public static Mailbox imapMovingTo(MailServer server, String folder) {
        return of(server, Mailbox.Protocol.IMAP, server.imapPort(), folder, false);
    }

    public static Mailbox pop3(MailServer server) {
        return of(server, Mailbox.Protocol.POP3, server.pop3Port(), null, false);
    }

    public static Mailbox withAcks(MailServer server) {
        return of(server, Mailbox.Protocol.IMAP, server.imapPort(), null, true);
    }

    /** IMAP that polls only every {@code pollDelayMillis}, with IMAP IDLE on or off. */
    public static Mailbox imapPollingEvery(MailServer server, long pollDelayMillis, boolean idle) {
        return of(server, Mailbox.Protocol.IMAP, server.imapPort(), null, false, idle, pollDelayMillis);
    }

    /** A mailbox whose messages the tests hand to its processor themselves: no server behind it. */
    public static Mailbox unreachable() {
        return new Mailbox("support", MailServer.ADDRESS, Mailbox.Protocol.IMAP, "127.0.0.1", 9, false, MailServer.USER,
                MailServer.PASSWORD, "INBOX", null, false, 10_000, 100, LIMITS, new Mailbox.Smtp(null, 0, "none", null, null),
                5000, Set.of(MailServer.ADDRESS), new Mailbox.AutoAck(false, "", "", 0));
    }

    private static Mailbox of(MailServer server, Mailbox.Protocol protocol, int port, String moveTo, boolean acks) {
        return of(server, protocol, port, moveTo, acks, false, 200);
    }

    private static Mailbox of(MailServer server, Mailbox.Protocol protocol, int port, String moveTo, boolean acks,
                              boolean idle, long pollDelayMillis) {
        return new Mailbox("support", MailServer.ADDRESS, protocol, "127.0.0.1", port, false, MailServer.USER,
                MailServer.PASSWORD, "INBOX", moveTo, idle, pollDelayMillis, 100, LIMITS,
                new Mailbox.Smtp("127.0.0.1", server.smtpPort(), "none", MailServer.USER, MailServer.PASSWORD),
                5000, Set.of(MailServer.ADDRESS, "sales@example.com"),
                new Mailbox.AutoAck(acks, "[{ticket}] {subject}", "We opened ticket {ticket} for you.", 2));
    }
}
