package org.switchboard.telephony.callback;

import java.time.Instant;

/**
 * A customer to call back.
 *
 * @param id                 the worklist entry's id
 * @param number             the customer's number; personal data: DEBUG logs only
 * @param name               the name the customer gave or the PBX showed, or {@code null}
 * @param source             why: {@code MISSED}, {@code ABANDONED} (calls nobody answered) or {@code REQUESTED}
 * @param status             {@code OPEN} or {@code CLOSED}
 * @param pbx                the PBX the last call came through, or {@code null} for a request
 * @param did                the number the customer dialled, or {@code null}
 * @param interactionId      the last unanswered call's interaction, or 0
 * @param calls              how many times the customer called without an answer
 * @param longestWaitSeconds the longest they waited on one of those calls
 * @param firstAt            the first unanswered call or the request
 * @param lastAt             the last one
 * @param preferredAt        when the customer asked to be called, or {@code null} for as soon as possible
 * @param attempts           how often Switchboard dialled it
 * @param closedAt           when it was closed, or {@code null}
 * @param closedReason       {@code CALLED_BACK}, {@code CALLED_AGAIN} (the customer's next call was answered),
 *                           {@code GAVE_UP}, or {@code null}
 * @param closedBy           who closed it: the agent who called back (id) or the user who closed it by hand (login), or {@code null}
 */
public record Callback(long id, String number, String name, String source, String status, String pbx, String did,
                       long interactionId, int calls, int longestWaitSeconds, Instant firstAt, Instant lastAt,
                       Instant preferredAt, int attempts, Instant closedAt, String closedReason, String closedBy) {
    public static final String OPEN = "OPEN";
    public static final String CLOSED = "CLOSED";
    public static final String REQUESTED = "REQUESTED";
    public static final String CALLED_BACK = "CALLED_BACK";
    public static final String CALLED_AGAIN = "CALLED_AGAIN";
    public static final String GAVE_UP = "GAVE_UP";
}
