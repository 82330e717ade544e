package org.switchboard.telephony.testing;

import java.security.Principal;
import java.util.Set;
import javax.ws.rs.core.SecurityContext;

/** Who calls a REST resource, as the web bundle's JAAS filter would tell it. */
public record Callers(String login, Set<String> roles) implements SecurityContext {

    public static Callers agent(String login) {
        return new Callers(login, Set.of("agent"));
    }

    public static Callers supervisor() {
        return new Callers("sam", Set.of("supervisor"));
    }

    @Override
    public Principal getUserPrincipal() {
        return () -> login;
    }

    @Override
    public boolean isUserInRole(String role) {
        return roles.contains(role);
    }

    @Override
    public boolean isSecure() {
        return false;
    }

    @Override
    public String getAuthenticationScheme() {
        return BASIC_AUTH;
    }
}
