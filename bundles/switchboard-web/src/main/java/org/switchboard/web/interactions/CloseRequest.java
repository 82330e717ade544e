package org.switchboard.web.interactions;

/** {@code POST /interactions/{id}/close} body: {@code {"disposition":"resolved"}}. */
public record CloseRequest(String disposition) {
}
