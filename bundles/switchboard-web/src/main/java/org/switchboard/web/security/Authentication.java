package org.switchboard.web.security;

import java.util.Optional;

/**
 * Who makes a request: HTTP Basic credentials checked against the JAAS realm, or else the session
 * cookie a sign-in handed out. The REST API and the event streams share it, so a browser signed in
 * once reaches both (an {@code EventSource} cannot send an {@code Authorization} header).
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

    public Sessions sessions() {
        return sessions;
    }
}
