package org.switchboard.web.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.switchboard.web.security.Caller;

/**
 * {@code {"login","roles":[…],"expiresAt"}}: who is signed in, until when without use; with
 * {@code "token"} only when a sign-in asked for it (an embedded page that sends it as a Bearer token).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SessionBody(String login, List<String> roles, Instant expiresAt, String token) {

    static SessionBody of(Caller caller, Instant expiresAt) {
        return new SessionBody(caller.login(), caller.roles().stream().sorted().toList(), expiresAt, null);
    }

    SessionBody withToken(String token) {
        return new SessionBody(login, roles, expiresAt, token);
    }
}
