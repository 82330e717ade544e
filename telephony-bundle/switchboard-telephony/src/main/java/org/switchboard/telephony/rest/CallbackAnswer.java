package org.switchboard.telephony.rest;

/** What {@code POST /callbacks} answers: the worklist entry that holds the request. */
public record CallbackAnswer(long id) {
}
