package org.switchboard.web.agents;

/** {@code PUT …/presence} body: {@code {"presence":"AVAILABLE|AWAY|OFFLINE","reason":"lunch"}}. */
public record PresenceChange(String presence, String reason) {
}
