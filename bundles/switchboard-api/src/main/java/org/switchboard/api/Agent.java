package org.switchboard.api;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A person who answers contacts, as configured.
 *
 * @param id         stable id, 1 to 32 characters of {@code a-z 0-9 - _}
 * @param name       the name customers and supervisors see
 * @param login      the user name they sign in with (Karaf JAAS realm)
 * @param extensions phone extensions or devices that ring for them, e.g. {@code PJSIP/1001}
 * @param skills     what they can handle, matched against a queue's required skills
 * @param capacity   how many interactions per channel id they handle at once; a channel that is
 *                   absent gets 1
 * @param branch     the branch (site, PBX) they belong to, or {@code null}
 */
public record Agent(String id, String name, String login, List<String> extensions, Set<String> skills,
                    Map<String, Integer> capacity, String branch) {
    public Agent {
        Checks.id("agent.id", id);
        name = Checks.required("agent.name", name, 200);
        login = Checks.required("agent.login", login, 200);
        extensions = Checks.list(extensions);
        skills = Checks.set(skills);
        capacity = Checks.map(capacity);
        branch = Checks.optional("agent.branch", branch, 64);
    }

    /** How many interactions of this channel the agent takes at once. */
    public int capacityFor(Channel channel) {
        return capacity.getOrDefault(channel.id(), 1);
    }
}
