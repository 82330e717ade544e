package org.switchboard.web.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Successful logins, kept for a few seconds so that a burst of requests does not run JAAS for each.
 * Keyed by a SHA-256 of the credentials, so neither the password nor the user name is held as is.
 */
final class LoginCache {
    static final int MAX_ENTRIES = 10_000;

    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    private record Entry(Caller caller, Instant expires) {
    }

    LoginCache(Duration ttl, Clock clock) {
        this.ttl = ttl;
        this.clock = clock;
    }

    Optional<Caller> get(Credentials credentials) {
        if (ttl.isZero()) {
            return Optional.empty();
        }
        String key = key(credentials);
        Entry entry = entries.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (clock.instant().isBefore(entry.expires())) {
            return Optional.of(entry.caller());
        }
        entries.remove(key, entry);
        return Optional.empty();
    }

    void put(Credentials credentials, Caller caller) {
        if (ttl.isZero()) {
            return;
        }
        Instant now = clock.instant();
        if (entries.size() >= MAX_ENTRIES) {
            entries.values().removeIf(e -> !now.isBefore(e.expires()));
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
        }
        entries.put(key(credentials), new Entry(caller, now.plus(ttl)));
    }

    private static String key(Credentials credentials) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(credentials.user().getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(credentials.password().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
