package org.switchboard.crm.local.store;

import java.time.Instant;

/**
 * An activity-log entry to append; the fields are those of {@link LocalEntry}.
 *
 * @param idempotencyKey each key is appended once, however often it is asked for
 */
public record NewEntry(String idempotencyKey, long customerId, Long interactionId, String kind, String channel,
                       String direction, String subject, String body, String agentId, Instant occurredAt) {
    public NewEntry {
        if (idempotencyKey == null || idempotencyKey.isBlank() || kind == null || occurredAt == null) {
            throw new IllegalArgumentException("idempotencyKey, kind and occurredAt are required");
        }
    }
}
