package org.switchboard.web.security;

import java.security.Principal;
import javax.ws.rs.core.SecurityContext;

/** The signed-in caller as resources see it through {@code @Context SecurityContext}. */
final class CallerSecurityContext implements SecurityContext {
    private final Caller caller;
    private final boolean secure;

    CallerSecurityContext(Caller caller, boolean secure) {
        this.caller = caller;
        this.secure = secure;
    }

    @Override
    public Principal getUserPrincipal() {
        return caller::login;
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller.roles().contains(role);
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return BASIC_AUTH;
    }
}
