package org.switchboard.web.security;

import javax.ws.rs.ForbiddenException;
import javax.ws.rs.core.SecurityContext;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.service.Agents;
import org.switchboard.web.rest.RestResource;

/** Agents act as themselves: the signed-in login is an agent through {@link Agents#findByLogin}. */
public final class SignedInAgent {

    private SignedInAgent() {
    }

    /** The agent who signed in; 403 when the login is not an agent's. */
    public static AgentStatus of(SecurityContext security, Agents agents) {
        String login = security.getUserPrincipal().getName();
        return agents.findByLogin(login)
                .orElseThrow(() -> new ForbiddenException("the signed-in user is not configured as an agent"));
    }

    /** Supervisors and admins act on any agent; everybody else only on themselves. */
    public static boolean mayActForOthers(SecurityContext security) {
        return security.isUserInRole(RestResource.SUPERVISOR) || security.isUserInRole(RestResource.ADMIN);
    }
}
