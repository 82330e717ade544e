package org.switchboard.web.interactions;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.switchboard.api.AttachmentRef;
import org.switchboard.api.Channel;
import org.switchboard.api.Conversation;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Interaction;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.web.customers.AddressBody;
import org.switchboard.web.customers.CustomerBody;
import org.switchboard.web.tickets.TicketRefBody;

/**
 * {@code GET /interactions/{id}}: the interaction with its customer, conversation, ticket and the
 * contact it came from; each of those {@code null} until known.
 */
public record InteractionDetailsBody(long id, String state,
                                     @Schema(type = "string", example = "email") Channel channel,
                                     String direction, String queue, String agent, String summary, Instant createdAt,
                                     Instant queuedAt, Instant offeredAt, Instant answeredAt, Instant endedAt,
                                     Instant closedAt, String disposition, String endReason, CustomerBody customer,
                                     ConversationBody conversation, TicketRefBody ticket, ContactBody contact) {

    /** {@code {"id","subject","createdAt","lastActivityAt"}}. */
    public record ConversationBody(long id, String subject, Instant createdAt, Instant lastActivityAt) {
        static ConversationBody of(Conversation c) {
            return c == null ? null : new ConversationBody(c.id(), c.subject(), c.createdAt(), c.lastActivityAt());
        }
    }

    /**
     * {@code {"externalId","from","fromName","entryPoint","subject","body","occurredAt","metadata","attachments"}};
     * the files are served by the channel that stored them, at {@code /interactions/{id}/attachments/{attachmentId}}.
     */
    public record ContactBody(String externalId, AddressBody from, String fromName, String entryPoint, String subject,
                              String body, Instant occurredAt, Map<String, String> metadata,
                              List<AttachmentBody> attachments) {
        public static ContactBody of(InboundContact c) {
            return c == null ? null : new ContactBody(c.externalId(), AddressBody.of(c.from()), c.fromName(),
                    c.entryPoint(), c.subject(), c.body(), c.occurredAt(), new TreeMap<>(c.metadata()),
                    c.attachments().stream().map(AttachmentBody::of).toList());
        }
    }

    /** {@code {"id","name","type","size"}}: a file that came with the contact. */
    public record AttachmentBody(String id, String name, String type, long size) {
        static AttachmentBody of(AttachmentRef a) {
            return new AttachmentBody(a.id(), a.fileName(), a.contentType(), a.size());
        }
    }

    public static InteractionDetailsBody of(InteractionDetails details) {
        Interaction i = details.interaction();
        Conversation conversation = details.conversation();
        return new InteractionDetailsBody(i.id(), i.state().name(), i.channel(), i.direction().name(), i.queueId(),
                i.agentId(), i.summary(), i.createdAt(), i.queuedAt(), i.offeredAt(), i.answeredAt(), i.endedAt(),
                i.closedAt(), i.disposition(), i.endReason() == null ? null : i.endReason().name(),
                CustomerBody.of(details.customer()), ConversationBody.of(conversation),
                conversation == null ? null : TicketRefBody.of(conversation.ticket()),
                ContactBody.of(details.contact()));
    }
}
