package org.switchboard.telephony.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A reminder call campaign as the REST API and the shell show it.
 *
 * @param windowFrom start of the calling window, {@code HH:mm} in each customer's time zone
 * @param windowTo   end of the calling window (exclusive)
 * @param pacing     most calls started per minute
 * @param timeZone   the zone of numbers whose country alone does not tell it (null: such numbers need their own)
 * @param counts     how many numbers are in each state or have each result
 * @param numbers    every number with its result (empty in lists)
 */
public record Campaign(long id, String name, String message, String windowFrom, String windowTo, String timeZone,
                       int pacing, int maxAttempts, int retryAfterMinutes, String pbx, String status, String createdBy,
                       Instant createdAt, Instant endedAt, Map<String, Integer> counts, List<Number> numbers) {
    public static final String ACTIVE = "ACTIVE";
    public static final String DONE = "DONE";
    public static final String CANCELLED = "CANCELLED";

    /** Not yet called, or waiting for a retry or for the window to open. */
    public static final String WAITING = "WAITING";
    /** The call is placed; its outcome is awaited. */
    public static final String DIALLING = "DIALLING";

    /** Results. */
    public static final String ANSWERED = "ANSWERED";
    public static final String CONNECTED = "CONNECTED";
    public static final String NO_ANSWER = "NO_ANSWER";
    public static final String BUSY = "BUSY";
    public static final String CONGESTION = "CONGESTION";
    public static final String FAILED = "FAILED";
    /** The outcome never came (the PBX connection was lost during the call). */
    public static final String UNKNOWN = "UNKNOWN";

    /**
     * One number of a campaign.
     *
     * @param state      {@code WAITING}, {@code DIALLING}, {@code DONE} or {@code CANCELLED}
     * @param result     the last attempt's result: {@code ANSWERED}, {@code CONNECTED} (pressed 1 and an operator
     *                   answered), {@code NO_ANSWER}, {@code BUSY}, {@code CONGESTION}, {@code FAILED}, {@code UNKNOWN}
     * @param keyPressed whether the customer pressed 1 to reach an operator
     */
    public record Number(long id, String number, String timeZone, String state, String result, int attempts,
                         Instant nextAt, Instant attemptedAt, boolean keyPressed) {
    }
}
