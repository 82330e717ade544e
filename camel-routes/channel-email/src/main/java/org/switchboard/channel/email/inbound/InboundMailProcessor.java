package org.switchboard.channel.email.inbound;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import jakarta.mail.Folder;
import jakarta.mail.MessagingException;
import jakarta.mail.UIDFolder;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Address;
import org.switchboard.api.AttachmentRef;
import org.switchboard.api.Channel;
import org.switchboard.api.InboundContact;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.Receipt;
import org.switchboard.api.ThreadHints;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.channel.email.MailClassLoader;
import org.switchboard.channel.email.Mailbox;
import org.switchboard.channel.email.mime.MalformedMailException;
import org.switchboard.channel.email.mime.MimeParser;
import org.switchboard.channel.email.mime.ParsedMail;
import org.switchboard.channel.email.store.EmailStore;

/**
 * Turns one received message into a contact and hands it to the core. Returns normally only when the
 * message is taken care of, so that camel-mail flags (or moves) it: accepted by the core (again:
 * the core's duplicate receipt), or rejected and stored raw for an operator. Anything else (the core's
 * store or ours unavailable, the connection lost) throws: the message stays unseen and comes again
 * with the next poll.
 */
public final class InboundMailProcessor implements Processor {
    private static final Logger LOG = LoggerFactory.getLogger(InboundMailProcessor.class);

    /** Metadata keys the contact carries. */
    public static final String META_MAILBOX = "email.mailbox";
    public static final String META_HTML = "email.html";
    public static final String META_SKIPPED = "email.skipped";
    public static final String META_AUTOMATED = "email.automated";
    public static final String META_TRUNCATED = "email.truncated";

    /** What became of a message. */
    public enum Outcome { ACCEPTED, DUPLICATE, REJECTED, ALREADY_SEEN }

    private final Mailbox mailbox;
    private final EmailStore store;
    private final ContactIngress ingress;
    private final MimeParser parser;
    private final AckPolicy acks;
    private final Clock clock;

    /** Decides after a contact was accepted whether it is to be acknowledged. */
    @FunctionalInterface
    public interface AckPolicy {
        void accepted(ParsedMail mail, String sourceId, Receipt receipt) throws SQLException;
    }

    public InboundMailProcessor(Mailbox mailbox, EmailStore store, ContactIngress ingress, AckPolicy acks, Clock clock) {
        this.mailbox = mailbox;
        this.store = store;
        this.ingress = ingress;
        this.parser = new MimeParser(mailbox.limits());
        this.acks = acks;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        jakarta.mail.Message message = exchange.getIn().getBody(jakarta.mail.Message.class);
        if (message == null) {
            throw new IllegalStateException("the route must deliver jakarta.mail.Message bodies (mapMailMessage=false)");
        }
        MailClassLoader.call(() -> handle(message));
    }

    /** Takes care of one message; see the class comment for what returning and throwing mean. */
    public Outcome handle(jakarta.mail.Message message) throws MessagingException, IOException, SQLException {
        String sourceId = MimeParser.messageId(message);
        byte[] raw = null;
        if (sourceId == null) {
            sourceId = uid(message);
        }
        int size = message.getSize();
        if (size < 0 || size <= mailbox.limits().maxMessageBytes()) {
            raw = read(message, mailbox.limits().maxMessageBytes());
        }
        if (sourceId == null && raw != null) {
            // no Message-ID and no UID (POP3): the content is the identity
            sourceId = "sha256:" + sha256(raw);
        }
        if (sourceId == null) {
            sourceId = "size:" + size + ":" + message.getMessageNumber();
        }
        boolean pop3 = mailbox.protocol() == Mailbox.Protocol.POP3;
        if (pop3 && store.seen(mailbox.name(), sourceId)) {
            return Outcome.ALREADY_SEEN;
        }
        Outcome outcome = raw == null ? rejectTooLarge(message, sourceId, size) : take(raw, sourceId, message);
        if (pop3) {
            store.markSeen(mailbox.name(), sourceId);
        }
        return outcome;
    }

    private Outcome take(byte[] raw, String sourceId, jakarta.mail.Message message) throws SQLException, MessagingException {
        Taken taken = parseAndAccept(raw, sourceId, message.getReceivedDate());
        return taken.outcome() == Outcome.REJECTED ? reject(sourceId, taken.reason(), raw, raw.length) : taken.outcome();
    }

    /** What became of a message given again: accepted (its receipt) or refused (why). */
    public record Taken(Outcome outcome, Receipt receipt, String reason) {
    }

    /**
     * Parses a message kept as rejected and hands it to the core again, as if it had just arrived;
     * records nothing when it is refused again (the caller keeps it as rejected).
     *
     * @param receivedAt when it arrived: its time when it has no {@code Date} header
     */
    public Taken retake(byte[] raw, String sourceId, Instant receivedAt) throws SQLException {
        return MailClassLoader.call(() -> parseAndAccept(raw, sourceId,
                receivedAt == null ? null : java.util.Date.from(receivedAt)));
    }

    private Taken parseAndAccept(byte[] raw, String sourceId, java.util.Date receivedAt) throws SQLException {
        ParsedMail mail;
        try {
            mail = parser.parse(raw);
        } catch (MalformedMailException e) {
            return new Taken(Outcome.REJECTED, null, e.getMessage());
        }
        try {
            InboundContact contact = contact(mail, sourceId, receivedAt);
            Receipt receipt = ingress.accept(contact);
            acks.accepted(mail, sourceId, receipt);
            LOG.debug("Mailbox {}: message {} from {} is contact {} (duplicate: {})", mailbox.name(), sourceId,
                    mail.from(), receipt.contactId(), receipt.duplicate());
            return new Taken(receipt.duplicate() ? Outcome.DUPLICATE : Outcome.ACCEPTED, receipt, null);
        } catch (InvalidContactException e) {
            return new Taken(Outcome.REJECTED, null, "the core refused it: " + e.getMessage());
        }
    }

    private InboundContact contact(ParsedMail mail, String sourceId, java.util.Date receivedAt) throws SQLException {
        List<ParsedMail.MailPart> parts = new ArrayList<>(mail.attachments());
        List<String> skipped = new ArrayList<>(mail.skipped());
        int htmlPosition = -1;
        if (mail.html() != null) {
            htmlPosition = parts.size();
            parts.add(new ParsedMail.MailPart("message.html", "text/html",
                    mail.html().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
        while (parts.size() > InboundContact.MAX_ATTACHMENTS) {
            ParsedMail.MailPart dropped = parts.remove(InboundContact.MAX_ATTACHMENTS - 1);
            skipped.add(dropped.fileName() + ": more than " + InboundContact.MAX_ATTACHMENTS + " attachments");
            htmlPosition = htmlPosition >= InboundContact.MAX_ATTACHMENTS ? parts.size() - 1 : htmlPosition;
        }
        List<AttachmentRef> refs = store.storeAttachments(mailbox.name(), sourceId, parts);
        String body = mail.text();
        boolean truncated = body.length() > InboundContact.MAX_BODY;
        if (truncated) {
            body = body.substring(0, InboundContact.MAX_BODY);
        }
        Instant occurredAt = mail.sentAt() != null ? mail.sentAt()
                : receivedAt != null ? receivedAt.toInstant() : clock.instant();
        InboundContact.Builder b = InboundContact.builder(Channel.EMAIL, sourceId, Address.email(mail.from()))
                .fromName(mail.fromName())
                .entryPoint(mailbox.address())
                .thread(new ThreadHints(null, mail.inReplyTo(), mail.references()))
                .subject(mail.subject())
                .body(body)
                .attachments(refs)
                .occurredAt(occurredAt)
                .metadata(META_MAILBOX, mailbox.name());
        if (htmlPosition >= 0) {
            b.metadata(META_HTML, refs.get(htmlPosition).id());
        }
        if (!skipped.isEmpty()) {
            String text = String.join("\n", skipped);
            b.metadata(META_SKIPPED, text.length() > InboundContact.MAX_METADATA_VALUE
                    ? text.substring(0, InboundContact.MAX_METADATA_VALUE) : text);
        }
        if (mail.automation() != null) {
            b.metadata(META_AUTOMATED, mail.automation());
        }
        if (truncated) {
            b.metadata(META_TRUNCATED, "true");
        }
        return b.build();
    }

    private Outcome rejectTooLarge(jakarta.mail.Message message, String sourceId, int size)
            throws MessagingException, SQLException {
        StringBuilder headers = new StringBuilder();
        for (Enumeration<jakarta.mail.Header> e = message.getAllHeaders(); e.hasMoreElements(); ) {
            jakarta.mail.Header h = e.nextElement();
            headers.append(h.getName()).append(": ").append(h.getValue()).append("\r\n");
        }
        return reject(sourceId, "the message has " + size + " bytes, more than maxMessageBytes ("
                        + mailbox.limits().maxMessageBytes() + "); only its headers are kept here, it stays in the mailbox",
                headers.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), size);
    }

    private Outcome reject(String sourceId, String error, byte[] raw, long size) throws SQLException {
        if (store.storeRejected(mailbox.name(), sourceId, error, raw, size)) {
            LOG.warn("Mailbox {}: a message could not become a contact and was set aside ({}); "
                    + "see the email_rejected table: {}", mailbox.name(), sourceId, error);
        }
        return Outcome.REJECTED;
    }

    /** The IMAP UID (with the folder's UIDVALIDITY), or {@code null} where the folder has none. */
    private String uid(jakarta.mail.Message message) throws MessagingException {
        Folder folder = message.getFolder();
        if (folder instanceof UIDFolder uids) {
            long uid = uids.getUID(message);
            if (uid > 0) {
                return "uid:" + mailbox.name() + ':' + folder.getFullName() + ':' + uids.getUIDValidity() + ':' + uid;
            }
        }
        return null;
    }

    /** The whole message as received, or {@code null} when it is larger than {@code limit}. */
    private static byte[] read(jakarta.mail.Message message, long limit) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            message.writeTo(new OutputStream() {
                private long written;

                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    written += len;
                    if (written > limit) {
                        throw new TooLarge();
                    }
                    out.write(b, off, len);
                }
            });
        } catch (TooLarge e) {
            return null;
        }
        return out.toByteArray();
    }

    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("too large", null);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
