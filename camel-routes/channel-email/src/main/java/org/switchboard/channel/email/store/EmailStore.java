package org.switchboard.channel.email.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.AttachmentRef;
import org.switchboard.channel.email.mime.ParsedMail;
import org.switchboard.jdbc.Transactions;

/**
 * The email channel's own rows ({@code email_*} tables): attachments, rejected messages, POP3
 * bookkeeping, sent replies and automatic acknowledgements. Every write is idempotent on its key.
 * Thread-safe; each method uses one short transaction.
 */
@Component(service = EmailStore.class)
public final class EmailStore {
    /** Raw messages kept for operators are cut at this size (the message itself stays in the mailbox). */
    public static final int MAX_RAW_BYTES = 5 * 1024 * 1024;

    private final DataSource dataSource;
    private final Clock clock;

    /** Activated by DS once the database is there: brings the tables up to date first. */
    @Activate
    public EmailStore(@Reference(target = "(dataSourceName=switchboard)") DataSource dataSource) {
        this(dataSource, Clock.systemUTC());
        EmailSchema.update(dataSource);
    }

    /** For tests and tools: a store on tables that {@link EmailSchema#update} already made. */
    public EmailStore(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    // ------------------------------------------------------------------ attachments

    /** Stores a message's attachments (again: nothing new) and returns their references, in order. */
    public List<AttachmentRef> storeAttachments(String mailbox, String sourceId, List<ParsedMail.MailPart> parts)
            throws SQLException {
        List<AttachmentRef> refs = new ArrayList<>();
        if (parts.isEmpty()) {
            return refs;
        }
        long now = clock.millis();
        inTransaction(c -> {
            try (PreparedStatement exists = c.prepareStatement("SELECT 1 FROM email_attachments WHERE id = ?");
                 PreparedStatement insert = c.prepareStatement("INSERT INTO email_attachments "
                         + "(id, mailbox, source_id, position, file_name, content_type, size, content, created_at) "
                         + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < parts.size(); i++) {
                    ParsedMail.MailPart part = parts.get(i);
                    String id = attachmentId(mailbox, sourceId, i);
                    exists.setString(1, id);
                    boolean there;
                    try (ResultSet row = exists.executeQuery()) {
                        there = row.next();
                    }
                    if (!there) {
                        insert.setString(1, id);
                        insert.setString(2, mailbox);
                        insert.setString(3, sourceId);
                        insert.setInt(4, i);
                        insert.setString(5, part.fileName());
                        insert.setString(6, part.contentType());
                        insert.setLong(7, part.content().length);
                        insert.setBytes(8, part.content());
                        insert.setLong(9, now);
                        insert.executeUpdate();
                    }
                    refs.add(new AttachmentRef(id, part.fileName(), part.contentType(), part.content().length));
                }
            }
            return null;
        });
        return refs;
    }

    /** An attachment's content. */
    public Optional<byte[]> attachment(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT content FROM email_attachments WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** What is stored of an attachment besides its content. */
    public record StoredAttachment(String id, String fileName, String contentType, long size) {
    }

    /** An attachment's name, type and size, without its content. */
    public Optional<StoredAttachment> attachmentInfo(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT id, file_name, content_type, size FROM email_attachments WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new StoredAttachment(row.getString(1), row.getString(2), row.getString(3),
                        row.getLong(4))) : Optional.empty();
            }
        }
    }

    static String attachmentId(String mailbox, String sourceId, int position) {
        return "email-" + sha256(mailbox + '\n' + sourceId + '\n' + position).substring(0, 40);
    }

    // ------------------------------------------------------------------ rejected messages

    /** A message that could not become a contact: kept raw (cut at {@value #MAX_RAW_BYTES} bytes) with the reason. */
    public record Rejected(long id, String mailbox, String sourceId, String error, long size, boolean truncated,
                           Instant receivedAt) {
    }

    /** Records a rejected message once per mailbox and source id; {@code true} when this call stored it. */
    public boolean storeRejected(String mailbox, String sourceId, String error, byte[] raw, long size) throws SQLException {
        boolean truncated = raw.length > MAX_RAW_BYTES;
        byte[] kept = truncated ? java.util.Arrays.copyOf(raw, MAX_RAW_BYTES) : raw;
        String reason = error.length() > 2000 ? error.substring(0, 2000) : error;
        try {
            return inTransaction(c -> {
                try (PreparedStatement s = c.prepareStatement("INSERT INTO email_rejected "
                        + "(mailbox, source_id, error, size, raw, truncated, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    s.setString(1, mailbox);
                    s.setString(2, sourceId);
                    s.setString(3, reason);
                    s.setLong(4, size);
                    s.setBytes(5, kept);
                    s.setBoolean(6, truncated);
                    s.setLong(7, clock.millis());
                    s.executeUpdate();
                }
                return true;
            });
        } catch (SQLException e) {
            if (Transactions.isUniqueViolation(e)) {
                return false;
            }
            throw e;
        }
    }

    /** The newest rejected messages first, at most {@code limit}. */
    public List<Rejected> rejected(int limit) throws SQLException {
        List<Rejected> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, mailbox, source_id, error, size, truncated, received_at "
                     + "FROM email_rejected ORDER BY id DESC")) {
            s.setMaxRows(limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    result.add(new Rejected(r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getLong(5),
                            r.getBoolean(6), Instant.ofEpochMilli(r.getLong(7))));
                }
            }
        }
        return result;
    }

    /** A rejected message's raw bytes (as far as kept). */
    public Optional<byte[]> rejectedRaw(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT raw FROM email_rejected WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(row.getBytes(1)) : Optional.empty();
            }
        }
    }

    /** A rejected message with what was kept of it. */
    public record RejectedMessage(Rejected rejected, byte[] raw) {
        /** Was all of it kept (not only the headers of an oversized one, nor its first 5 MB)? */
        public boolean complete() {
            return !rejected.truncated() && raw.length >= rejected.size();
        }
    }

    public Optional<RejectedMessage> rejectedMessage(long id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT id, mailbox, source_id, error, size, truncated, received_at, raw "
                     + "FROM email_rejected WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new RejectedMessage(new Rejected(r.getLong(1), r.getString(2), r.getString(3),
                        r.getString(4), r.getLong(5), r.getBoolean(6), Instant.ofEpochMilli(r.getLong(7))), r.getBytes(8)))
                        : Optional.empty();
            }
        }
    }

    /** Notes why a replayed rejected message was refused again. */
    public void rejectedAgain(long id, String error) throws SQLException {
        update("UPDATE email_rejected SET error = ? WHERE id = ?", error.length() > 2000 ? error.substring(0, 2000) : error, id);
    }

    /** Forgets a rejected message (it became a contact); {@code false} if it was not there. */
    public boolean deleteRejected(long id) throws SQLException {
        return update("DELETE FROM email_rejected WHERE id = ?", id) > 0;
    }

    // ------------------------------------------------------------------ POP3 bookkeeping

    public boolean seen(String mailbox, String sourceId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT 1 FROM email_seen WHERE mailbox = ? AND source_id = ?")) {
            s.setString(1, mailbox);
            s.setString(2, sourceId);
            try (ResultSet row = s.executeQuery()) {
                return row.next();
            }
        }
    }

    public void markSeen(String mailbox, String sourceId) throws SQLException {
        insertOnce("INSERT INTO email_seen (mailbox, source_id, seen_at) VALUES (?, ?, ?)", mailbox, sourceId, clock.millis());
    }

    // ------------------------------------------------------------------ sent replies

    /** What was recorded for an idempotency key: the Message-ID and whether the server took the mail. */
    public record Sent(String messageId, boolean delivered) {
    }

    public Optional<Sent> sent(String idempotencyKey) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT message_id, status FROM email_sent WHERE idempotency_key = ?")) {
            s.setString(1, idempotencyKey);
            try (ResultSet row = s.executeQuery()) {
                return row.next() ? Optional.of(new Sent(row.getString(1), "SENT".equals(row.getString(2)))) : Optional.empty();
            }
        }
    }

    /** Notes that a reply is about to be sent with this Message-ID (once per key). */
    public void sending(String idempotencyKey, String mailbox, String messageId) throws SQLException {
        insertOnce("INSERT INTO email_sent (idempotency_key, mailbox, message_id, status, created_at) VALUES (?, ?, ?, 'SENDING', ?)",
                idempotencyKey, mailbox, messageId, clock.millis());
    }

    /** Notes that the SMTP server took the reply. */
    public void delivered(String idempotencyKey) throws SQLException {
        update("UPDATE email_sent SET status = 'SENT', sent_at = ? WHERE idempotency_key = ?", clock.millis(), idempotencyKey);
    }

    // ------------------------------------------------------------------ acknowledgements

    /** A new message that should be acknowledged once its conversation's ticket is open. */
    public record PendingAck(String mailbox, String sourceId, long interactionId, Long conversationId, String recipient,
                             String subject, Instant createdAt) {
    }

    /** Records an acknowledgement to send later (once per message). */
    public void addPendingAck(String mailbox, String sourceId, long interactionId, String recipient, String subject)
            throws SQLException {
        insertOnce("INSERT INTO email_acks (mailbox, source_id, interaction_id, recipient, subject, status, created_at) "
                + "VALUES (?, ?, ?, ?, ?, 'PENDING', ?)", mailbox, sourceId, interactionId, recipient, subject, clock.millis());
    }

    public List<PendingAck> pendingAcks(String mailbox, int limit) throws SQLException {
        List<PendingAck> result = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT source_id, interaction_id, conversation_id, recipient, subject, "
                     + "created_at FROM email_acks WHERE mailbox = ? AND status = 'PENDING' ORDER BY created_at")) {
            s.setString(1, mailbox);
            s.setMaxRows(limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long conversation = r.getLong(3);
                    Long conversationId = r.wasNull() ? null : conversation;
                    result.add(new PendingAck(mailbox, r.getString(1), r.getLong(2), conversationId,
                            r.getString(4), r.getString(5), Instant.ofEpochMilli(r.getLong(6))));
                }
            }
        }
        return result;
    }

    public void ackConversation(String mailbox, String sourceId, long conversationId) throws SQLException {
        update("UPDATE email_acks SET conversation_id = ? WHERE mailbox = ? AND source_id = ?", conversationId, mailbox, sourceId);
    }

    /** Ends a pending acknowledgement as {@code SENT} or {@code SKIPPED}; {@code false} if it was not pending any more. */
    public boolean finishAck(String mailbox, String sourceId, boolean sent) throws SQLException {
        return update("UPDATE email_acks SET status = ?, done_at = ? WHERE mailbox = ? AND source_id = ? AND status = 'PENDING'",
                sent ? "SENT" : "SKIPPED", clock.millis(), mailbox, sourceId) > 0;
    }

    /** How many acknowledgements went to this address since then (over every mailbox). */
    public int acksSentTo(String recipient, Instant since) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT COUNT(*) FROM email_acks WHERE recipient = ? AND status = 'SENT' AND done_at >= ?")) {
            s.setString(1, recipient);
            s.setLong(2, since.toEpochMilli());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    // ------------------------------------------------------------------ plumbing

    private <T> T inTransaction(Transactions.Work<T> work) throws SQLException {
        return Transactions.inTransaction(dataSource, work);
    }

    private void insertOnce(String sql, Object... values) throws SQLException {
        try {
            update(sql, values);
        } catch (SQLException e) {
            if (!Transactions.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    private int update(String sql, Object... values) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                s.setObject(i + 1, values[i]);
            }
            return s.executeUpdate();
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
