package org.switchboard.api;

/** Who started an interaction. */
public enum Direction {
    /** The customer contacted us. */
    INBOUND,
    /** We contacted the customer (click-to-call, callback, reply on a new thread). */
    OUTBOUND
}
