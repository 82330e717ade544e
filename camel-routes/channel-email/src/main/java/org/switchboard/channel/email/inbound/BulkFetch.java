package org.switchboard.channel.email.inbound;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.List;
import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import org.apache.camel.component.mail.DefaultMailUidGenerator;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.component.mail.MailUidGenerator;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads in bulk what camel-mail and {@link InboundMailProcessor} ask of every message, for up to
 * {@code window} messages at once: one IMAP command for the envelopes (with the received date and
 * the size), flags, UIDs and headers, and one for the content of the small ones. Without it each of
 * those is a round trip of its own per message ({@code FETCH n (FLAGS)}, {@code FETCH n
 * (BODY.PEEK[HEADER.FIELDS (Message-ID)])}, {@code FETCH n (BODY.PEEK[HEADER])}, ...), which on a
 * server that answers in several small TCP writes costs a delayed ACK each. Content is read with
 * {@code BODY.PEEK}: reading flags nothing. What is left per message is the flag that camel-mail sets
 * once the core stored the contact, and the content of messages over {@value #SMALL_MESSAGE_BYTES}
 * bytes.
 *
 * <p>Memory is bounded: the folder keeps the content it fetched until camel-mail closes it after the
 * poll, so at most {@value #CONTENT_BUDGET_BYTES} bytes of content are fetched in bulk per poll; the
 * rest is read message by message as before.
 *
 * <p>camel-mail asks its {@link MailUidGenerator} for a key of every message it polled, in order, before
 * it reads anything else of it: the first message of a poll that was not fetched yet fetches the
 * next {@code window} ones (by sequence number, which is how camel-mail walks the search result). The
 * key itself is camel-mail's own.
 */
final class BulkFetch implements MailUidGenerator {
    static final int SMALL_MESSAGE_BYTES = 256 * 1024;
    static final long CONTENT_BUDGET_BYTES = 16L * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(BulkFetch.class);

    private final MailUidGenerator keys = new DefaultMailUidGenerator();
    private final int window;
    /** The first message of the last bulk fetch: a folder opened again has new message objects. */
    private WeakReference<Message> fetchedFirst = new WeakReference<>(null);
    /** The folder's first message when the content budget was last reset: new with every poll. */
    private WeakReference<Message> budgetOf = new WeakReference<>(null);
    private long contentFetched;
    private int fetchedFrom;
    private int fetchedUpTo;

    BulkFetch(int window) {
        if (window < 1) {
            throw new IllegalArgumentException("window must be at least 1: " + window);
        }
        this.window = window;
    }

    @Override
    public String generateUuid(MailEndpoint endpoint, Message message) {
        Folder folder = message.getFolder();
        if (folder instanceof IMAPFolder imap && folder.isOpen()) {
            prefetch(imap, message.getMessageNumber());
        }
        return keys.generateUuid(endpoint, message);
    }

    private synchronized void prefetch(IMAPFolder folder, int number) {
        try {
            if (number >= fetchedFrom && number <= fetchedUpTo && fetchedFirst.get() == folder.getMessage(fetchedFrom)) {
                return;
            }
            int last = Math.min(folder.getMessageCount(), number + window - 1);
            if (last < number) {
                return;
            }
            Message first = folder.getMessage(1);
            if (budgetOf.get() != first) {
                budgetOf = new WeakReference<>(first);
                contentFetched = 0;
            }
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(IMAPFolder.FetchProfileItem.HEADERS);
            Message[] messages = folder.getMessages(number, last);
            folder.fetch(messages, profile);
            fetchedFirst = new WeakReference<>(messages[0]);
            fetchedFrom = number;
            fetchedUpTo = last;

            List<Message> small = new ArrayList<>();
            for (Message m : messages) {
                int size = m.getSize();
                if (size >= 0 && size <= SMALL_MESSAGE_BYTES && contentFetched + size <= CONTENT_BUDGET_BYTES) {
                    small.add(m);
                    contentFetched += size;
                }
            }
            if (!small.isEmpty()) {
                FetchProfile content = new FetchProfile();
                content.add(IMAPFolder.FetchProfileItem.MESSAGE);
                folder.fetch(small.toArray(Message[]::new), content);
            }
        } catch (MessagingException | IndexOutOfBoundsException e) {
            // only a shortcut: every message is still read on its own
            LOG.debug("Could not fetch messages {}.. of {} in bulk: {}", number, folder.getFullName(), e.toString());
        }
    }
}
