package org.switchboard.web.tickets;

/** {@code {"commandId"}}: the outbox command that carries the change to the CRM. */
public record CommandAccepted(long commandId) {
}
