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
 */
public record ApiSettings(String realm, Duration loginCache, long maxBodyBytes, Set<String> corsOrigins) {
    public ApiSettings {
        corsOrigins = Set.copyOf(corsOrigins);
    }

    public static ApiSettings of(WebConfig config) {
        return new ApiSettings(config.realm(), Duration.ofSeconds(Math.max(0, config.loginCacheSeconds())),
                Math.max(1, config.maxBodyBytes()),
                config.corsEnabled() ? Set.of(config.corsAllowedOrigins()) : Set.of());
    }
}
