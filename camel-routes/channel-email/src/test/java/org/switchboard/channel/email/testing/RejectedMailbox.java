package org.switchboard.channel.email.testing;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicBoolean;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.channel.email.Mailbox;
import org.switchboard.channel.email.inbound.InboundMailProcessor;
import org.switchboard.channel.email.rejected.RejectedMail;
import org.switchboard.channel.email.store.EmailSchema;
import org.switchboard.channel.email.store.EmailStore;
import org.switchboard.jdbc.testing.TestDatabases;

/**
 * A running mailbox with rejected mail to replay, over H2: a core that refuses every contact while
 * {@link #coreRefuses} is set (an operator's rule, say, fixed later), and messages that never parse.
 */
public final class RejectedMailbox {
    public final FakeIngress ingress = new FakeIngress();
    public final AtomicBoolean coreRefuses = new AtomicBoolean();
    public final EmailStore store;
    public final RejectedMail rejected;
    public final InboundMailProcessor processor;

    public RejectedMailbox() {
        var dataSource = TestDatabases.h2();
        EmailSchema.update(dataSource);
        store = new EmailStore(dataSource, Clock.systemUTC());
        rejected = new RejectedMail(store);
        ContactIngress core = contact -> {
            if (coreRefuses.get()) {
                throw new InvalidContactException("from", "is blocked by a rule");
            }
            return ingress.accept(contact);
        };
        Mailbox mailbox = Mailboxes.unreachable();
        processor = new InboundMailProcessor(mailbox, store, core, (mail, sourceId, receipt) -> { }, Clock.systemUTC());
        rejected.attach(mailbox.name(), processor);
    }

    /** A message the core refuses now: rejected; returns its id in {@code email_rejected}. */
    public long refusedByTheCore(int order) throws Exception {
        coreRefuses.set(true);
        processor.handle(Mails.message(Mails.order(order)));
        coreRefuses.set(false);
        return newest();
    }

    /** A message without any sender: it never becomes a contact. */
    public long withoutSender() throws Exception {
        processor.handle(Mails.message("To: support@example.com\nSubject: nobody sent this\nMessage-ID: <poison@x.example>\n\nno sender\n"));
        return newest();
    }

    /** Only the headers of a message over maxMessageBytes. */
    public long onlyHeadersKept() throws Exception {
        store.storeRejected("support", "huge@x.example", "the message has 30000000 bytes, more than maxMessageBytes",
                "From: a@customer.example\r\nSubject: huge\r\n".getBytes(StandardCharsets.ISO_8859_1), 30_000_000);
        return newest();
    }

    private long newest() throws Exception {
        return store.rejected(1).get(0).id();
    }
}
