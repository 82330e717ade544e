package org.switchboard.web.security;

import java.util.Optional;

/**
 * Who makes a request: HTTP Basic credentials checked against the JAAS realm, or a session a
 * sign-in handed out, named by its cookie or, for pages embedded in another site (the CRM widget, to
 * which browsers send no SameSite cookie), by an {@code Authorization: Bearer} header. The REST API
 * and the event streams share it, so a browser signed in once reaches both (an {@code EventSource}
 * cannot send an {@code Authorization} header).
 */
public final class Authentication {
    private final JaasAuthenticator authenticator;
    private final Sessions sessions;

    public Authentication(JaasAuthenticator authenticator, Sessions sessions) {
        this.authenticator = authenticator;
        this.sessions = sessions;
    }

    /**
     * @param authorization the {@code Authorization} header, or {@code null}
     * @param cookies       the {@code Cookie} header, or {@code null}
     */
    public Optional<Caller> caller(String authorization, String cookies) {
        String bearer = bearerToken(authorization);
        if (bearer != null) {
            return sessions.touch(bearer).map(Sessions.Session::caller);
        }
        if (authorization != null) {
            return Credentials.fromBasicHeader(authorization).flatMap(authenticator::authenticate);
        }
        return sessions.touch(SessionCookie.tokenIn(cookies)).map(Sessions.Session::caller);
    }

    /** Checks a user name and password against the realm. */
    public Optional<Caller> login(String user, String password) {
        if (user == null || password == null || user.isBlank() || user.length() > 256 || password.length() > 1024) {
            return Optional.empty();
        }
        return authenticator.authenticate(new Credentials(user.strip(), password));
    }

    /** Checks the credentials of an {@code Authorization: Basic} header. */
    public Optional<Caller> loginBasic(String authorization) {
        return Credentials.fromBasicHeader(authorization).flatMap(authenticator::authenticate);
    }

    /** The session token of an {@code Authorization: Bearer} header, or {@code null}. */
    public static String bearerToken(String authorization) {
        if (authorization == null || authorization.length() <= 7 || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).strip();
        return token.isEmpty() || token.length() > 128 ? null : token;
    }

    public Sessions sessions() {
        return sessions;
    }
}
