package org.switchboard.telephony.rest;

/**
 * {@code POST /calls}: ring the agent's phone, then dial the number.
 *
 * @param agent  the agent's id; an agent (not a supervisor) may leave it out or give their own only
 * @param number the number to dial, e.g. {@code +74951234567}
 */
public record CallRequest(String agent, String number) {
}
