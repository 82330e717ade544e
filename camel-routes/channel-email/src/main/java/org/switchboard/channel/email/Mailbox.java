package org.switchboard.channel.email;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * A mailbox's settings, checked: what {@link MailboxConfig} holds, with defaults resolved. Holds the
 * passwords, so {@link #toString()} leaves them out.
 */
public record Mailbox(
        String name,
        String address,
        Protocol protocol,
        String host,
        int port,
        boolean tls,
        String user,
        String password,
        String folder,
        String moveTo,
        boolean idle,
        long pollDelayMillis,
        int maxMessagesPerPoll,
        Limits limits,
        Smtp smtp,
        int timeoutMillis,
        Set<String> ownAddresses,
        AutoAck autoAck) {

    private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

    /** How the mailbox is read. */
    public enum Protocol {
        IMAP, POP3;

        static Protocol of(String value) {
            try {
                return valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("protocol must be imap or pop3, not " + value, e);
            }
        }
    }

    /** Size limits of what one message may bring. */
    public record Limits(long maxMessageBytes, long maxAttachmentBytes, long maxAttachmentsBytes) {
        public Limits {
            if (maxMessageBytes <= 0 || maxAttachmentBytes < 0 || maxAttachmentsBytes < 0) {
                throw new IllegalArgumentException("size limits must be positive");
            }
        }
    }

    /** Where replies are sent through; {@code null} host: nowhere. */
    public record Smtp(String host, int port, String security, String user, String password) {
        public boolean enabled() {
            return host != null;
        }

        @Override
        public String toString() {
            return "Smtp[host=" + host + ", port=" + port + ", security=" + security + ", user=" + user + "]";
        }
    }

    /** The automatic answer to a new conversation. */
    public record AutoAck(boolean enabled, String subject, String body, int perHour) {
    }

    public Mailbox {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("name must be 1-32 of a-z 0-9 - _, not " + name);
        }
        address = checkedAddress("address", address);
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (user == null || user.isBlank() || password == null) {
            throw new IllegalArgumentException("user and password are required");
        }
        if (pollDelayMillis < 100 || maxMessagesPerPoll < 1 || timeoutMillis < 100) {
            throw new IllegalArgumentException("pollDelayMillis, maxMessagesPerPoll and timeoutMillis are too small");
        }
        folder = folder == null || folder.isBlank() ? "INBOX" : folder.strip();
        moveTo = moveTo == null || moveTo.isBlank() ? null : moveTo.strip();
        if (moveTo != null && protocol == Protocol.POP3) {
            throw new IllegalArgumentException("moveTo needs IMAP: POP3 has no folders");
        }
        // POP3 has no IDLE: it polls
        idle = idle && protocol == Protocol.IMAP;
        ownAddresses = Set.copyOf(ownAddresses);
    }

    /** The checked settings of a configuration; throws {@link IllegalArgumentException} naming the bad key. */
    public static Mailbox of(MailboxConfig c) {
        Protocol protocol = Protocol.of(c.protocol());
        int port = c.port() > 0 ? c.port() : defaultPort(protocol, c.tls());
        String address = checkedAddress("address", c.address());
        String security = c.smtpSecurity() == null ? "starttls" : c.smtpSecurity().strip().toLowerCase(Locale.ROOT);
        if (!Set.of("tls", "starttls", "none").contains(security)) {
            throw new IllegalArgumentException("smtpSecurity must be tls, starttls or none, not " + security);
        }
        boolean smtpOn = c.smtpHost() != null && !c.smtpHost().isBlank();
        Smtp smtp = new Smtp(smtpOn ? c.smtpHost().strip() : null,
                c.smtpPort() > 0 ? c.smtpPort() : "tls".equals(security) ? 465 : 587, security,
                blank(c.smtpUser()) ? c.user() : c.smtpUser(),
                blank(c.smtpPassword()) ? c.password() : c.smtpPassword());
        Set<String> own = Arrays.stream((c.ownAddresses() == null ? "" : c.ownAddresses()).split(","))
                .map(String::strip).filter(s -> !s.isEmpty()).map(s -> checkedAddress("ownAddresses", s))
                .collect(Collectors.toSet());
        own.add(address);
        AutoAck ack = new AutoAck(c.autoAck(), c.autoAckSubject(), c.autoAckBody().replace("\\n", "\n"),
                Math.max(0, c.autoAckPerHour()));
        if (ack.enabled() && !smtpOn) {
            throw new IllegalArgumentException("autoAck needs smtpHost");
        }
        return new Mailbox(c.name(), address, protocol, c.host() == null ? null : c.host().strip(), port, c.tls(),
                c.user(), c.password(), c.folder(), c.moveTo(), c.idle(), c.pollDelayMillis(), c.maxMessagesPerPoll(),
                new Limits(c.maxMessageBytes(), c.maxAttachmentBytes(), c.maxAttachmentsBytes()), smtp,
                c.timeoutMillis(), own, ack);
    }

    private static int defaultPort(Protocol protocol, boolean tls) {
        return switch (protocol) {
            case IMAP -> tls ? 993 : 143;
            case POP3 -> tls ? 995 : 110;
        };
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String checkedAddress(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required");
        }
        try {
            InternetAddress parsed = new InternetAddress(value.strip(), true);
            return parsed.getAddress().toLowerCase(Locale.ROOT);
        } catch (AddressException e) {
            throw new IllegalArgumentException(key + " is not an email address: " + e.getMessage(), e);
        }
    }

    /** The domain of {@link #address()}, for the Message-IDs of what this mailbox sends. */
    public String domain() {
        return address.substring(address.indexOf('@') + 1);
    }

    /** Is this one of our own addresses (the mailbox's or another listed one)? */
    public boolean isOwn(String emailAddress) {
        return emailAddress != null && ownAddresses.contains(emailAddress.toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return "Mailbox[name=" + name + ", protocol=" + protocol + ", host=" + host + ", port=" + port + ", tls=" + tls
                + ", user=" + user + ", folder=" + folder + ", moveTo=" + moveTo + ", idle=" + idle + ", smtp=" + smtp + "]";
    }
}
