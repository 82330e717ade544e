package org.switchboard.telephony.rest;

/** What {@code POST /calls} answers: the PBX's id for the call, the agent whose phone rings, the number dialled. */
public record CallAnswer(String callId, String agent, String number) {
}
