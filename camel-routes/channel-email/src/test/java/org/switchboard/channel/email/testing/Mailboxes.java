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

    private static Mailbox of(MailServer server, Mailbox.Protocol protocol, int port, String moveTo, boolean acks) {
        return new Mailbox("support", MailServer.ADDRESS, protocol, "127.0.0.1", port, false, MailServer.USER,
                MailServer.PASSWORD, "INBOX", moveTo, 200, 100, LIMITS,
                new Mailbox.Smtp("127.0.0.1", server.smtpPort(), "none", MailServer.USER, MailServer.PASSWORD),
                5000, Set.of(MailServer.ADDRESS, "sales@example.com"),
                new Mailbox.AutoAck(acks, "[{ticket}] {subject}", "We opened ticket {ticket} for you.", 2));
    }
}
