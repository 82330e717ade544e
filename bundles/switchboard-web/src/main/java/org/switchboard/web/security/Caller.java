package org.switchboard.web.security;

import java.util.Set;

/**
 * Who made a request: the JAAS user name and the roles the realm gave them.
 *
 * @param login the user name, which {@code Agents.findByLogin} maps to an agent
 * @param roles role names, e.g. {@code agent}, {@code supervisor}
 */
public record Caller(String login, Set<String> roles) {
    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasAnyRole(Set<String> wanted) {
        return wanted.stream().anyMatch(roles::contains);
    }

    @Override
    public String toString() {
        return "Caller[" + login + ", roles=" + roles + "]";
    }
}
