package org.switchboard.web.tickets;

/** {@code PUT /tickets/{number}/status} body: {@code {"status":"closed"}}. */
public record StatusChange(String status) {
}
