package org.switchboard.core.events;

import java.util.HashMap;
import java.util.Map;
import org.switchboard.api.TicketRef;
import org.switchboard.api.event.EventProperties;

/**
 * Where the core announces what happened. In Karaf it is OSGi EventAdmin (asynchronous,
 * in order per poster); tests record. Called only after the change is committed.
 */
@FunctionalInterface
public interface Events {
    Events NONE = (topic, properties) -> { };

    void post(String topic, Map<String, Object> properties);

    /** Announces a conversation's ticket under {@code topic} ({@code ticket/OPENED} or {@code ticket/UPDATED}). */
    default void postTicket(String topic, long conversationId, TicketRef ticket, long timestamp) {
        Map<String, Object> props = new HashMap<>();
        props.put(EventProperties.CONVERSATION_ID, conversationId);
        props.put(EventProperties.TICKET, ticket);
        props.put(EventProperties.TIMESTAMP, timestamp);
        post(topic, props);
    }
}
