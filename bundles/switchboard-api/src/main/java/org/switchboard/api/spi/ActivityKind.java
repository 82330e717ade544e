package org.switchboard.api.spi;

import org.switchboard.api.Channel;

/** How a CRM records an interaction. */
public enum ActivityKind {
    CALL, EMAIL, MESSAGE, NOTE;

    /** The usual kind for a channel: calls for voice, emails for email, messages for the rest. */
    public static ActivityKind of(Channel channel) {
        if (Channel.VOICE.equals(channel)) {
            return CALL;
        }
        return Channel.EMAIL.equals(channel) ? EMAIL : MESSAGE;
    }
}
