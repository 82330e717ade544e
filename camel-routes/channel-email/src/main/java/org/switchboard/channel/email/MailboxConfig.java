package org.switchboard.channel.email;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/**
 * One mailbox, factory PID {@value #PID}: {@code etc/org.switchboard.email~support.cfg}. Passwords are
 * never logged; Karaf can fill them from environment variables.
 */
@ObjectClassDefinition(name = "Switchboard – email mailbox",
        description = "A mailbox Switchboard reads (IMAP or POP3) and answers from (SMTP).")
public @interface MailboxConfig {

    String PID = "org.switchboard.email";

    @AttributeDefinition(name = "Name", description = "Short name of the mailbox, used in route ids and logs: 1-32 of a-z 0-9 - _.")
    String name();

    @AttributeDefinition(name = "Address",
            description = "The mailbox's address: replies go out from it, and it is the entry point that selects the queue.")
    String address();

    @AttributeDefinition(name = "Protocol", options = {@Option(label = "IMAP", value = "imap"), @Option(label = "POP3", value = "pop3")})
    String protocol() default "imap";

    @AttributeDefinition(name = "Host")
    String host();

    @AttributeDefinition(name = "Port", description = "0: the protocol's default (993/143 IMAP, 995/110 POP3).")
    int port() default 0;

    @AttributeDefinition(name = "TLS", description = "Connect with TLS (imaps/pop3s).")
    boolean tls() default true;

    @AttributeDefinition(name = "User")
    String user();

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD)
    String password();

    @AttributeDefinition(name = "Folder")
    String folder() default "INBOX";

    @AttributeDefinition(name = "Move to folder",
            description = "IMAP: move each stored message to this folder; empty: flag it seen and leave it where it is.")
    String moveTo() default "";

    @AttributeDefinition(name = "IMAP IDLE",
            description = "IMAP: keep a connection in IDLE so that a new message is fetched at once, where the server offers IDLE; "
                    + "the poll stays as the safety net. Off, or on POP3: only the poll.")
    boolean idle() default true;

    @AttributeDefinition(name = "Poll delay (ms)",
            description = "Between two polls; with IMAP IDLE, the longest a message waits when the IDLE connection is down.")
    long pollDelayMillis() default 10_000;

    @AttributeDefinition(name = "Messages per poll")
    int maxMessagesPerPoll() default 500;

    @AttributeDefinition(name = "Largest message (bytes)",
            description = "A larger message is not parsed: it is recorded as rejected (its headers kept) and left in the mailbox.")
    long maxMessageBytes() default 26_214_400;

    @AttributeDefinition(name = "Largest attachment (bytes)", description = "A larger attachment is not stored; the contact notes it.")
    long maxAttachmentBytes() default 10_485_760;

    @AttributeDefinition(name = "Attachments per message (bytes)",
            description = "Attachments beyond this total are not stored; the contact notes them.")
    long maxAttachmentsBytes() default 26_214_400;

    @AttributeDefinition(name = "SMTP host", description = "Empty: this mailbox only receives (no replies, no acknowledgements).")
    String smtpHost() default "";

    @AttributeDefinition(name = "SMTP port", description = "0: 465 with SMTP TLS, 587 otherwise.")
    int smtpPort() default 0;

    @AttributeDefinition(name = "SMTP security", options = {
            @Option(label = "TLS (smtps)", value = "tls"), @Option(label = "STARTTLS", value = "starttls"),
            @Option(label = "None", value = "none")})
    String smtpSecurity() default "starttls";

    @AttributeDefinition(name = "SMTP user", description = "Empty: the IMAP/POP3 user.")
    String smtpUser() default "";

    @AttributeDefinition(name = "SMTP password", type = AttributeType.PASSWORD, description = "Empty: the IMAP/POP3 password.")
    String smtpPassword() default "";

    @AttributeDefinition(name = "Timeout (ms)", description = "Connect and read timeout towards the mail servers.")
    int timeoutMillis() default 30_000;

    @AttributeDefinition(name = "Own addresses",
            description = "Further addresses of ours (comma-separated): mail from them is never answered automatically.")
    String ownAddresses() default "";

    @AttributeDefinition(name = "Auto-acknowledge", description = "Answer a new conversation with its ticket number.")
    boolean autoAck() default false;

    @AttributeDefinition(name = "Acknowledgement subject", description = "{ticket} and {subject} are replaced.")
    String autoAckSubject() default "[{ticket}] {subject}";

    @AttributeDefinition(name = "Acknowledgement text", description = "{ticket} and {subject} are replaced; \\n starts a new line.")
    String autoAckBody() default "Thank you for your message. We opened ticket {ticket} for it and will answer soon.\\n"
            + "Please keep {ticket} in the subject when you write about it.";

    @AttributeDefinition(name = "Acknowledgements per sender and hour", description = "At most this many automatic answers to one address per hour.")
    int autoAckPerHour() default 3;
}
