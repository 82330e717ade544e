package org.switchboard.web.security;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in browser sessions: a random token (the cookie's value) stands for a {@link Caller} until
 * it has been idle for the configured time or the user signs out. Held in memory: a restart signs
 * everybody out. At most {@value #MAX_SESSIONS}; beyond that the session closest to expiry goes.
 */
public final class Sessions {
    static final int MAX_SESSIONS = 10_000;
    private static final int TOKEN_BYTES = 32;

    private final Duration idle;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** A session: who, and until when it lasts without use. */
    public record Session(String token, Caller caller, Instant expires) {
        @Override
        public String toString() {
            return "Session[" + caller + ", expires=" + expires + "]";
        }
    }

    public Sessions(Duration idle, Clock clock) {
        this.idle = idle;
        this.clock = clock;
    }

    /** How long a session lasts without use. */
    public Duration idle() {
        return idle;
    }

    public Session open(Caller caller) {
        Instant now = clock.instant();
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.values().removeIf(s -> !now.isBefore(s.expires()));
            if (sessions.size() >= MAX_SESSIONS) {
                sessions.values().stream().min(Comparator.comparing(Session::expires))
                        .ifPresent(oldest -> sessions.remove(oldest.token()));
            }
        }
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        Session session = new Session(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), caller,
                now.plus(idle));
        sessions.put(session.token(), session);
        return session;
    }

    /** The live session of this token, its expiry pushed out by this use. */
    public Optional<Session> touch(String token) {
        if (token == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Session found = sessions.get(token);
        if (found == null) {
            return Optional.empty();
        }
        if (!now.isBefore(found.expires())) {
            sessions.remove(token, found);
            return Optional.empty();
        }
        Session renewed = new Session(token, found.caller(), now.plus(idle));
        sessions.replace(token, found, renewed);
        return Optional.of(renewed);
    }

    public void close(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }
}
