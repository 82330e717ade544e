package org.switchboard.web.server;

import java.time.Duration;
import java.util.Set;

/**
 * The REST API's settings, from {@link WebConfig}.
 *
 * @param realm        the JAAS realm
 * @param loginCache   how long a successful login is reused
 * @param maxBodyBytes the largest request body of this bundle's endpoints
 * @param corsOrigins  the origins allowed cross-origin access; empty for CORS off
 * @param sessionIdle  how long a browser session lasts without use
 */
public record ApiSettings(String realm, Duration loginCache, long maxBodyBytes, Set<String> corsOrigins,
                          Duration sessionIdle) {
    public static final Duration DEFAULT_SESSION_IDLE = Duration.ofHours(8);

    public ApiSettings {
        corsOrigins = Set.copyOf(corsOrigins);
    }

    public ApiSettings(String realm, Duration loginCache, long maxBodyBytes, Set<String> corsOrigins) {
        this(realm, loginCache, maxBodyBytes, corsOrigins, DEFAULT_SESSION_IDLE);
    }

    public static ApiSettings of(WebConfig config) {
        return new ApiSettings(config.realm(), Duration.ofSeconds(Math.max(0, config.loginCacheSeconds())),
                Math.max(1, config.maxBodyBytes()),
                config.corsEnabled() ? Set.of(config.corsAllowedOrigins()) : Set.of(),
                Duration.ofMinutes(Math.max(1, config.sessionIdleMinutes())));
    }
}
