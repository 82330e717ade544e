package org.switchboard.api.spi;

import java.util.Map;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.ThreadHints;

/**
 * An agent's reply, to be sent on the customer's channel.
 *
 * @param idempotencyKey the same for every attempt: a sender that can tell must not send twice
 * @param channel        the channel to send on
 * @param to             the customer's address on it
 * @param entryPoint     the mailbox, bot or number the conversation came in on; replies go out from it
 * @param conversationId Switchboard's conversation
 * @param interactionId  the interaction answered
 * @param agentId        who wrote it
 * @param subject        subject line (email), or {@code null}
 * @param body           the text
 * @param thread         what threads it on the customer's side (the ids to reply to, the chat id)
 * @param metadata       channel-specific extras
 */
public record OutboundMessage(String idempotencyKey, Channel channel, Address to, String entryPoint,
                              long conversationId, long interactionId, String agentId, String subject, String body,
                              ThreadHints thread, Map<String, String> metadata) {
    public OutboundMessage {
        if (idempotencyKey == null || channel == null || to == null || body == null) {
            throw new IllegalArgumentException("idempotencyKey, channel, to and body are required");
        }
        thread = thread == null ? ThreadHints.NONE : thread;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }
}
