package org.switchboard.api.event;

/**
 * Property names of the events under {@link Topics}. Ids are {@code Long}, times are epoch
 * milliseconds ({@code Long}), states and channels are {@code String}s; records from
 * {@code org.switchboard.api} ride along where noted.
 */
public final class EventProperties {
    public static final String INTERACTION_ID = "interactionId";
    public static final String CONTACT_ID = "contactId";
    public static final String CUSTOMER_ID = "customerId";
    public static final String CONVERSATION_ID = "conversationId";
    public static final String QUEUE_ID = "queueId";
    public static final String AGENT_ID = "agentId";
    public static final String CHANNEL = "channel";
    public static final String STATE = "state";
    public static final String PREVIOUS_STATE = "previousState";
    /** Epoch milliseconds of the change. */
    public static final String TIMESTAMP = "timestamp";
    /** The {@link org.switchboard.api.Interaction} after the change. */
    public static final String INTERACTION = "interaction";
    /** The {@link org.switchboard.api.TicketRef}. */
    public static final String TICKET = "ticket";
    /** The {@link org.switchboard.api.ScreenPop}. */
    public static final String POP = "pop";
    /** The {@link org.switchboard.api.Presence} name. */
    public static final String PRESENCE = "presence";
    public static final String REASON = "reason";
    public static final String OUTBOX_ID = "outboxId";
    public static final String ERROR = "error";
    /**
     * {@code System.nanoTime()} when the event that caused this one entered the JVM (a request
     * received, an AMI event read), for latency measurements; absent when unknown.
     */
    public static final String ORIGIN_NANOS = "originNanos";

    private EventProperties() {
    }
}
