package org.switchboard.itests.bench;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.switchboard.api.InteractionState;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.core.events.Events;

/**
 * Listens to the core's events and notes when each interaction was fully processed: queued (with
 * its customer and conversation) and its conversation's ticket opened in the CRM, whichever of
 * the two events comes last.
 */
final class Completions implements Events {
    private static final String QUEUED = Topics.interaction(InteractionState.QUEUED);

    private final Map<Long, Long> conversationOfInteraction = new ConcurrentHashMap<>();
    private final Map<Long, Long> interactionOfConversation = new ConcurrentHashMap<>();
    private final Map<Long, Long> ticketOpenedAt = new ConcurrentHashMap<>();
    private final Map<Long, Long> doneAt = new ConcurrentHashMap<>();
    private final AtomicLong queuedEvents = new AtomicLong();
    private final AtomicLong ticketEvents = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    @Override
    public void post(String topic, Map<String, Object> properties) {
        long now = System.nanoTime();
        if (QUEUED.equals(topic)) {
            queuedEvents.incrementAndGet();
            long interaction = id(properties, EventProperties.INTERACTION_ID);
            long conversation = id(properties, EventProperties.CONVERSATION_ID);
            conversationOfInteraction.put(interaction, conversation);
            interactionOfConversation.put(conversation, interaction);
            Long opened = ticketOpenedAt.get(conversation);
            if (opened != null) {
                doneAt.putIfAbsent(interaction, now);
            }
        } else if (Topics.TICKET_OPENED.equals(topic)) {
            ticketEvents.incrementAndGet();
            long conversation = id(properties, EventProperties.CONVERSATION_ID);
            ticketOpenedAt.putIfAbsent(conversation, now);
            Long interaction = interactionOfConversation.get(conversation);
            if (interaction != null) {
                doneAt.putIfAbsent(interaction, now);
            }
        } else if (Topics.CONTACT_FAILED.equals(topic) || Topics.OUTBOX_FAILED.equals(topic)) {
            failures.incrementAndGet();
        }
    }

    /** When the interaction was fully processed ({@link System#nanoTime()}), or {@code null}. */
    Long doneAt(long interactionId) {
        return doneAt.get(interactionId);
    }

    long queuedEvents() {
        return queuedEvents.get();
    }

    long ticketEvents() {
        return ticketEvents.get();
    }

    long failures() {
        return failures.get();
    }

    private static long id(Map<String, Object> properties, String key) {
        Object value = properties.get(key);
        if (!(value instanceof Number number)) {
            throw new IllegalStateException("event without " + key + ": " + properties);
        }
        return number.longValue();
    }
}
