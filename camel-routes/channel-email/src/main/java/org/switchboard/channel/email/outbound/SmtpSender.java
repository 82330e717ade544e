package org.switchboard.channel.email.outbound;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Channel;
import org.switchboard.api.spi.ChannelSender;
import org.switchboard.api.spi.CrmException.Disposition;
import org.switchboard.api.spi.DeliveryException;
import org.switchboard.api.spi.OutboundMessage;
import org.switchboard.channel.email.MailClassLoader;
import org.switchboard.channel.email.Mailbox;
import org.switchboard.channel.email.store.EmailStore;

/**
 * Sends agents' replies (and acknowledgements) over SMTP from the mailbox's address.
 *
 * <p><b>Threading.</b> {@code In-Reply-To} and {@code References} come from the message's
 * {@link OutboundMessage#thread() thread}, so the customer's mail client files the reply under its
 * own mail; the Message-ID is returned without brackets, as the channel writes external ids.
 *
 * <p><b>Once per key.</b> The Message-ID is derived from the idempotency key and recorded before the
 * mail goes out ({@code email_sent}); a key recorded as sent returns its Message-ID without sending.
 * Only a crash between the server's acceptance and that record sends the mail again, with the same
 * Message-ID, which mail clients show once.
 *
 * <p><b>Failures.</b> SMTP 5xx answers and bad addresses are {@linkplain Disposition#REJECT rejected};
 * 4xx answers, connection and authentication failures are {@linkplain Disposition#RETRY retried} by
 * the outbox.
 */
public final class SmtpSender implements ChannelSender {
    private static final Logger LOG = LoggerFactory.getLogger(SmtpSender.class);
    /** Metadata key: the value of an {@code Auto-Submitted} header (acknowledgements set it). */
    public static final String META_AUTO_SUBMITTED = "email.autoSubmitted";
    private static final int MAX_KEY = 512;

    private final Mailbox mailbox;
    private final EmailStore store;
    private final Session session;

    public SmtpSender(Mailbox mailbox, EmailStore store) {
        this.mailbox = mailbox;
        this.store = store;
        Mailbox.Smtp smtp = mailbox.smtp();
        Properties p = new Properties();
        String protocol = protocol();
        String timeout = Integer.toString(mailbox.timeoutMillis());
        p.setProperty("mail." + protocol + ".host", smtp.host() == null ? "localhost" : smtp.host());
        p.setProperty("mail." + protocol + ".port", Integer.toString(smtp.port()));
        p.setProperty("mail." + protocol + ".auth", "true");
        p.setProperty("mail." + protocol + ".connectiontimeout", timeout);
        p.setProperty("mail." + protocol + ".timeout", timeout);
        p.setProperty("mail." + protocol + ".writetimeout", timeout);
        p.setProperty("mail." + protocol + ".from", mailbox.address());
        p.setProperty("mail." + protocol + ".localhost", mailbox.domain());
        if ("starttls".equals(smtp.security())) {
            p.setProperty("mail.smtp.starttls.enable", "true");
            p.setProperty("mail.smtp.starttls.required", "true");
        }
        this.session = Session.getInstance(p);
    }

    private String protocol() {
        return "tls".equals(mailbox.smtp().security()) ? "smtps" : "smtp";
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public String send(OutboundMessage message) throws DeliveryException {
        if (!mailbox.smtp().enabled()) {
            throw new DeliveryException(Disposition.REJECT, "mailbox " + mailbox.name() + " has no smtpHost", null);
        }
        String key = message.idempotencyKey();
        if (key.length() > MAX_KEY) {
            throw new DeliveryException(Disposition.REJECT, "idempotency key longer than " + MAX_KEY, null);
        }
        String messageId;
        try {
            Optional<EmailStore.Sent> sent = store.sent(key);
            if (sent.isPresent() && sent.get().delivered()) {
                LOG.debug("Mailbox {}: reply {} was sent before as {}", mailbox.name(), key, sent.get().messageId());
                return sent.get().messageId();
            }
            messageId = sent.map(EmailStore.Sent::messageId).orElseGet(() -> messageId(key));
            if (sent.isEmpty()) {
                store.sending(key, mailbox.name(), messageId);
            }
        } catch (SQLException e) {
            throw new DeliveryException(Disposition.RETRY, "the email store is unavailable: " + e.getMessage(), e);
        }
        MailClassLoader.call(() -> {
            transmit(compose(message, messageId));
            return null;
        });
        try {
            store.delivered(key);
        } catch (SQLException e) {
            // sent all the same: a retry would send it again (with the same Message-ID)
            LOG.warn("Mailbox {}: reply {} was sent as {} but could not be recorded as sent: {}", mailbox.name(), key,
                    messageId, e.getMessage());
        }
        LOG.debug("Mailbox {}: sent reply {} to {} as {}", mailbox.name(), key, message.to().value(), messageId);
        return messageId;
    }

    /** The Message-ID (without brackets) the mail with this idempotency key always gets. */
    public String messageId(String idempotencyKey) {
        String hash = sha256(mailbox.name() + '\n' + idempotencyKey);
        return "sb." + hash.substring(0, 32) + "@" + mailbox.domain();
    }

    private MimeMessage compose(OutboundMessage m, String messageId) throws DeliveryException {
        try {
            MimeMessage mail = new MimeMessage(session) {
                @Override
                protected void updateMessageID() throws MessagingException {
                    setHeader("Message-ID", "<" + messageId + ">");
                }
            };
            mail.setFrom(new InternetAddress(mailbox.address()));
            mail.setRecipient(Message.RecipientType.TO, new InternetAddress(m.to().value(), true));
            mail.setSubject(m.subject() == null || m.subject().isBlank() ? "" : m.subject(), "UTF-8");
            mail.setText(m.body(), "UTF-8");
            mail.setSentDate(new Date());
            String inReplyTo = m.thread().inReplyTo();
            List<String> references = new ArrayList<>(m.thread().references());
            if (inReplyTo == null && !references.isEmpty()) {
                inReplyTo = references.get(references.size() - 1);
            }
            if (inReplyTo != null) {
                mail.setHeader("In-Reply-To", bracket(inReplyTo));
                if (!references.contains(inReplyTo)) {
                    references.add(inReplyTo);
                }
            }
            if (!references.isEmpty()) {
                mail.setHeader("References", String.join(" ", references.stream().map(SmtpSender::bracket).toList()));
            }
            String autoSubmitted = m.metadata().get(META_AUTO_SUBMITTED);
            if (autoSubmitted != null) {
                mail.setHeader("Auto-Submitted", autoSubmitted);
                mail.setHeader("X-Auto-Response-Suppress", "All");
            }
            mail.saveChanges();
            return mail;
        } catch (AddressException e) {
            throw new DeliveryException(Disposition.REJECT, "not a valid recipient address: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw new DeliveryException(Disposition.REJECT, "cannot compose the mail: " + e.getMessage(), e);
        }
    }

    private void transmit(MimeMessage mail) throws DeliveryException {
        Mailbox.Smtp smtp = mailbox.smtp();
        try (Transport transport = session.getTransport(protocol())) {
            transport.connect(smtp.host(), smtp.port(), smtp.user(), smtp.password());
            transport.sendMessage(mail, mail.getAllRecipients());
        } catch (AuthenticationFailedException e) {
            throw new DeliveryException(Disposition.RETRY,
                    "SMTP authentication failed for mailbox " + mailbox.name() + ": check smtpUser and smtpPassword", e);
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    /** 5xx and refused addresses: no retry will help; everything else may pass. */
    static DeliveryException classify(MessagingException e) {
        for (Exception x = e; x != null; x = x instanceof MessagingException me ? me.getNextException() : null) {
            int code = x instanceof SMTPSendFailedException s ? s.getReturnCode()
                    : x instanceof SMTPAddressFailedException a ? a.getReturnCode() : 0;
            if (code >= 500) {
                return new DeliveryException(Disposition.REJECT, "the SMTP server refused the mail (" + code + "): "
                        + x.getMessage().strip(), e);
            }
            if (code >= 400) {
                return new DeliveryException(Disposition.RETRY, "the SMTP server deferred the mail (" + code + "): "
                        + x.getMessage().strip(), e);
            }
        }
        if (e instanceof SendFailedException s && s.getInvalidAddresses() != null && s.getInvalidAddresses().length > 0
                && (s.getValidSentAddresses() == null || s.getValidSentAddresses().length == 0)) {
            return new DeliveryException(Disposition.REJECT, "the SMTP server refused the recipient: " + e.getMessage(), e);
        }
        return new DeliveryException(Disposition.RETRY, "cannot reach the SMTP server: " + e.getMessage(), e);
    }

    private static String bracket(String id) {
        return id.startsWith("<") ? id : "<" + id + ">";
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
