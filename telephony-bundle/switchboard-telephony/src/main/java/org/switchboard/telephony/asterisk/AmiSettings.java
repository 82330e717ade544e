package org.switchboard.telephony.asterisk;

import java.time.Duration;

/**
 * Where and how to reach one PBX's AMI. The password is kept out of {@link #toString()}.
 *
 * @param eventMask the event classes asked for at login ({@code call,agent,user})
 */
public record AmiSettings(String pbxId, String host, int port, boolean tls, String username, String password,
                          String eventMask, Duration responseTimeout, Duration reconnectMin, Duration reconnectMax) {

    public AmiSettings {
        if (host == null || host.isBlank() || port <= 0 || port > 65535) {
            throw new IllegalArgumentException("PBX " + pbxId + ": host and a port within 1..65535 are required");
        }
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("PBX " + pbxId + ": username is required");
        }
        password = password == null ? "" : password;
    }

    static AmiSettings of(AsteriskConfig config) {
        return new AmiSettings(config.name(), config.host(), config.port(), config.tls(), config.username(),
                config._password(), config.eventMask(), Duration.ofMillis(config.responseTimeoutMillis()),
                Duration.ofMillis(config.reconnectMinMillis()), Duration.ofMillis(config.reconnectMaxMillis()));
    }

    @Override
    public String toString() {
        return "AMI " + username + "@" + host + ":" + port + (tls ? " (TLS)" : "") + " events " + eventMask;
    }
}
