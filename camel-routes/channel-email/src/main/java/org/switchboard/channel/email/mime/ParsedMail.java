package org.switchboard.channel.email.mime;

import java.time.Instant;
import java.util.List;

/**
 * A received message, parsed: what becomes the contact, its attachments and what loop protection looks at.
 *
 * @param messageId   the Message-ID without angle brackets, or {@code null} when it has none (or an unusable one)
 * @param from        the sender's address, lower-cased
 * @param fromName    the sender's display name, decoded, or {@code null}
 * @param subject     the decoded subject, or {@code null}
 * @param text        the text for the card: the plain part, else the HTML part reduced to text
 * @param html        the HTML part as sent, or {@code null}
 * @param attachments the attachments within the size limits, in message order
 * @param skipped     what was not stored (too large), one line each
 * @param inReplyTo   the Message-ID this answers, without brackets, or {@code null}
 * @param references  the References header's ids, oldest first, without brackets
 * @param sentAt      the Date header, or {@code null}
 * @param automation  why this message looks machine-made (Auto-Submitted, Precedence, …), or {@code null}
 */
public record ParsedMail(String messageId, String from, String fromName, String subject, String text, String html,
                         List<MailPart> attachments, List<String> skipped, String inReplyTo, List<String> references,
                         Instant sentAt, String automation) {

    public ParsedMail {
        attachments = List.copyOf(attachments);
        skipped = List.copyOf(skipped);
        references = List.copyOf(references);
    }

    /** One attachment's content. */
    public record MailPart(String fileName, String contentType, byte[] content) {
    }
}
