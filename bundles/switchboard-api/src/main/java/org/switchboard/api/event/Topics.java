package org.switchboard.api.event;

import org.switchboard.api.InteractionState;

/**
 * EventAdmin topics. Subscribe to {@code org/switchboard/*} for everything, or to one family,
 * e.g. {@code org/switchboard/interaction/*}.
 */
public final class Topics {
    public static final String PREFIX = "org/switchboard/";

    /** A contact was accepted and stored. */
    public static final String CONTACT_ACCEPTED = PREFIX + "contact/ACCEPTED";
    /** A contact could not be processed and was set aside for an operator. */
    public static final String CONTACT_FAILED = PREFIX + "contact/FAILED";

    /** Every interaction topic starts with this; the state follows, see {@link #interaction}. */
    public static final String INTERACTION_PREFIX = PREFIX + "interaction/";
    /** Every interaction state change. */
    public static final String INTERACTION_ALL = INTERACTION_PREFIX + "*";

    /** A customer was seen for the first time. */
    public static final String CUSTOMER_CREATED = PREFIX + "customer/CREATED";
    /** A customer's name, addresses or CRM references changed. */
    public static final String CUSTOMER_UPDATED = PREFIX + "customer/UPDATED";

    /** A conversation's ticket was opened in a CRM. */
    public static final String TICKET_OPENED = PREFIX + "ticket/OPENED";
    /** A ticket's status changed. */
    public static final String TICKET_UPDATED = PREFIX + "ticket/UPDATED";

    /** An agent's presence changed. */
    public static final String AGENT_PRESENCE = PREFIX + "agent/PRESENCE";

    /** A screen pop for one agent; the {@link EventProperties#POP} property holds it. */
    public static final String SCREEN_POP = PREFIX + "screenpop/OFFERED";

    /** An outbox command failed for good and waits for an operator. */
    public static final String OUTBOX_FAILED = PREFIX + "outbox/FAILED";

    /**
     * An agent's reply went out on the customer's channel: {@link EventProperties#INTERACTION_ID},
     * {@link EventProperties#CONVERSATION_ID}, {@link EventProperties#AGENT_ID},
     * {@link EventProperties#OUTBOX_ID}, {@link EventProperties#CHANNEL}. A reply that never goes out
     * is announced on {@link #OUTBOX_FAILED}.
     */
    public static final String REPLY_SENT = PREFIX + "reply/SENT";

    private Topics() {
    }

    /** The topic for an interaction entering {@code state}, e.g. {@code org/switchboard/interaction/QUEUED}. */
    public static String interaction(InteractionState state) {
        return INTERACTION_PREFIX + state.name();
    }
}
