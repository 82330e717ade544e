package org.switchboard.api.service;

import java.time.Instant;

/**
 * One CRM or channel write waiting, done or failed.
 *
 * @param id            its id
 * @param target        the connector or sender it is for (e.g. {@code local}, {@code email})
 * @param kind          what it does: {@code OPEN_TICKET}, {@code LOG_ACTIVITY}, {@code UPDATE_TICKET}, {@code SEND}
 * @param state         PENDING (will be tried), DONE, or FAILED (needs an operator)
 * @param attempts      how often it was tried
 * @param nextAttemptAt when it is tried next, for PENDING
 * @param lastError     why the last attempt failed, or {@code null}
 * @param conversationId the conversation it belongs to, or {@code null}
 * @param createdAt     when it was written
 */
public record OutboxCommand(long id, String target, String kind, State state, int attempts, Instant nextAttemptAt,
                            String lastError, Long conversationId, Instant createdAt) {

    public enum State {
        PENDING, DONE, FAILED
    }
}
