package org.switchboard.api;

import java.util.List;
import java.util.Set;

/**
 * Where contacts wait for an agent, as configured.
 *
 * @param id           stable id, 1 to 32 characters of {@code a-z 0-9 - _}
 * @param name         the name supervisors see
 * @param entryPoints  the entry points (numbers, mailboxes, bots) whose contacts come here; an
 *                     entry ending in {@code *} matches as a prefix
 * @param channels     the channels it takes; empty for every channel
 * @param skills       what an agent needs to be offered its contacts
 * @param priority     higher first, when an agent could serve several queues
 * @param serviceLevel the target it is measured against
 * @param script       what the agent should say or do, shown on the screen pop; may be {@code null}
 */
public record Queue(String id, String name, List<String> entryPoints, Set<Channel> channels, Set<String> skills,
                   int priority, ServiceLevel serviceLevel, String script) {
    public Queue {
        Checks.id("queue.id", id);
        name = Checks.required("queue.name", name, 200);
        entryPoints = Checks.list(entryPoints);
        channels = Checks.set(channels);
        skills = Checks.set(skills);
        serviceLevel = serviceLevel == null ? ServiceLevel.DEFAULT : serviceLevel;
        script = Checks.bounded("queue.script", script, 20_000);
    }

    /** Whether this queue takes a contact of this channel that came in on this entry point. */
    public boolean matches(Channel channel, String entryPoint) {
        if (!channels.isEmpty() && !channels.contains(channel)) {
            return false;
        }
        if (entryPoint == null) {
            return false;
        }
        for (String pattern : entryPoints) {
            if (pattern.endsWith("*")
                    ? entryPoint.regionMatches(true, 0, pattern, 0, pattern.length() - 1)
                    : entryPoint.equalsIgnoreCase(pattern)) {
                return true;
            }
        }
        return false;
    }
}
