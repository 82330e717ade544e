package org.switchboard.api;

/** Who decides which agent gets a contact. */
public enum RoutingMode {
    /** The core queues the contact and offers it to an agent (email, chat, messengers). */
    CORE,
    /**
     * The channel's own system routes it (a PBX's queues ring the phones); the channel reports
     * what happens through {@link org.switchboard.api.spi.InteractionEvents} and the core follows,
     * pops and measures.
     */
    EXTERNAL
}
