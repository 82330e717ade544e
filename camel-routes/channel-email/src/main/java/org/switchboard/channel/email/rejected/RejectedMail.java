package org.switchboard.channel.email.rejected;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.ConflictException;
import org.switchboard.api.NotFoundException;
import org.switchboard.channel.email.inbound.InboundMailProcessor;
import org.switchboard.channel.email.store.EmailStore;

/**
 * The messages the mailboxes set aside ({@code email_rejected}), and their replay: once the cause is
 * fixed (the core's rules, a bug in the parser, a sender address added), the kept message is parsed
 * and handed to the core again by the mailbox it came from, exactly as on arrival. Accepted: it leaves
 * the list. Refused again: it stays, with the new reason, and the caller is told why.
 *
 * <p>Each configured mailbox attaches its inbound processor here while it runs.
 */
@Component(service = RejectedMail.class)
public final class RejectedMail {
    private static final Logger LOG = LoggerFactory.getLogger(RejectedMail.class);

    private final EmailStore store;
    private final Map<String, InboundMailProcessor> mailboxes = new ConcurrentHashMap<>();

    @Activate
    public RejectedMail(@Reference EmailStore store) {
        this.store = store;
    }

    /** What a successful replay gave: the contact (new, or the one stored before: duplicate). */
    public record Replayed(long id, String mailbox, String sourceId, boolean duplicate, long interactionId, long contactId) {
    }

    /** A running mailbox replays its own rejected messages. */
    public void attach(String mailbox, InboundMailProcessor processor) {
        mailboxes.put(mailbox, processor);
    }

    public void detach(String mailbox, InboundMailProcessor processor) {
        mailboxes.remove(mailbox, processor);
    }

    /** The newest first, at most {@code limit}. */
    public List<EmailStore.Rejected> list(int limit) throws SQLException {
        return store.rejected(limit);
    }

    /**
     * Parses the kept message again and hands it to the core.
     *
     * @throws NotFoundException no rejected message has this id
     * @throws ConflictException it cannot become a contact (still, or because not all of it was kept, or
     *                           its mailbox is not configured): the message says why; it stays listed
     */
    public Replayed replay(long id) throws SQLException {
        EmailStore.RejectedMessage kept = store.rejectedMessage(id)
                .orElseThrow(() -> new NotFoundException("rejected message", id));
        EmailStore.Rejected r = kept.rejected();
        if (!kept.complete()) {
            throw new ConflictException("Rejected message " + id + " cannot be replayed: only " + kept.raw().length + " of its "
                    + r.size() + " bytes were kept. It is still in mailbox " + r.mailbox() + "; to have it read again, "
                    + "raise maxMessageBytes and mark it unread there.");
        }
        InboundMailProcessor processor = mailboxes.get(r.mailbox());
        if (processor == null) {
            throw new ConflictException("Rejected message " + id + " came from mailbox " + r.mailbox()
                    + ", which is not configured (or not running) now; it can be replayed once it is.");
        }
        InboundMailProcessor.Taken taken = processor.retake(kept.raw(), r.sourceId(), r.receivedAt());
        if (taken.outcome() == InboundMailProcessor.Outcome.REJECTED) {
            store.rejectedAgain(id, taken.reason());
            LOG.warn("Mailbox {}: the rejected message {} ({}) was replayed and is still refused: {}", r.mailbox(), id,
                    r.sourceId(), taken.reason());
            throw new ConflictException("Rejected message " + id + " still cannot become a contact: " + taken.reason());
        }
        store.deleteRejected(id);
        LOG.info("Mailbox {}: the rejected message {} ({}) was replayed and is contact {}{}", r.mailbox(), id, r.sourceId(),
                taken.receipt().contactId(), taken.receipt().duplicate() ? " (stored before)" : "");
        return new Replayed(id, r.mailbox(), r.sourceId(), taken.receipt().duplicate(), taken.receipt().interactionId(),
                taken.receipt().contactId());
    }
}
