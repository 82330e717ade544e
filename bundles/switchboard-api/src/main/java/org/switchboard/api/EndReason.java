package org.switchboard.api;

/** Why an interaction's customer part ended, as a channel reports it. */
public enum EndReason {
    /** Handled by an agent and finished normally; the agent goes to wrap-up. */
    COMPLETED,
    /** The customer gave up before an agent answered. */
    ABANDONED,
    /** Offered but never answered (rang out, nobody available, expired). */
    MISSED,
    /** The channel failed (trunk error, undeliverable). */
    FAILED
}
