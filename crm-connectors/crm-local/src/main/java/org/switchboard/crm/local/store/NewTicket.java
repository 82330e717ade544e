package org.switchboard.crm.local.store;

/**
 * A ticket to open.
 *
 * @param idempotencyKey one ticket per key, however often it is asked for
 * @param conversationId Switchboard's conversation, or {@code null}
 * @param customerId     whose ticket it is
 * @param subject        its title
 */
public record NewTicket(String idempotencyKey, Long conversationId, long customerId, String subject) {
    public NewTicket {
        if (idempotencyKey == null || idempotencyKey.isBlank() || subject == null) {
            throw new IllegalArgumentException("idempotencyKey and subject are required");
        }
    }
}
