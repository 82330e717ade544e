package org.switchboard.telephony.rest;

/**
 * What {@code GET /route} answers: everything may be {@code null} (or {@code false}) for a caller nobody knows.
 *
 * @param number             the caller's number as asked
 * @param customerId         Switchboard's customer, or {@code null}
 * @param displayName        the name to show on the agent's phone, or {@code null}
 * @param vip                whether the caller is on the VIP list
 * @param preferredAgent     the agent who last answered this customer, or {@code null}
 * @param preferredDevice    that agent's first extension, to {@code Dial()} directly, or {@code null}
 * @param preferredAvailable whether that agent is available now
 * @param queue              the voice queue whose entry points match the DID, or {@code null}
 */
public record RouteAnswer(String number, Long customerId, String displayName, boolean vip, String preferredAgent,
                          String preferredDevice, boolean preferredAvailable, String queue) {
}
