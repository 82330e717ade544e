package org.switchboard.web.session;

import java.time.Instant;
import java.util.List;
import org.switchboard.web.security.Caller;

/** {@code {"login","roles":[…],"expiresAt"}}: who is signed in, until when without use. */
public record SessionBody(String login, List<String> roles, Instant expiresAt) {

    static SessionBody of(Caller caller, Instant expiresAt) {
        return new SessionBody(caller.login(), caller.roles().stream().sorted().toList(), expiresAt);
    }
}
