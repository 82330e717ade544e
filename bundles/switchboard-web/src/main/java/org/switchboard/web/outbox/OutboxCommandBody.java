package org.switchboard.web.outbox;

import java.time.Instant;
import org.switchboard.api.service.OutboxCommand;

/** One CRM or channel write waiting, done or failed. */
public record OutboxCommandBody(long id, String target, String kind, String state, int attempts,
                                Instant nextAttemptAt, String lastError, Long conversationId, Instant createdAt) {

    static OutboxCommandBody of(OutboxCommand c) {
        return new OutboxCommandBody(c.id(), c.target(), c.kind(), c.state().name(), c.attempts(), c.nextAttemptAt(),
                c.lastError(), c.conversationId(), c.createdAt());
    }
}
