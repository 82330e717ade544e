package org.switchboard.shell.commands;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Presence;
import org.switchboard.api.service.Agents;

/** {@code switchboard:presence}: sets an agent's presence, e.g. {@code switchboard:presence alice AWAY lunch break}. */
@Service
@Command(scope = "switchboard", name = "presence", description = "Set an agent's presence (AVAILABLE, AWAY with a reason, OFFLINE)")
public final class PresenceCommand extends ConsoleAction {

    @Argument(index = 0, name = "agentId", description = "The agent's id", required = true)
    @Completion(AgentIdCompleter.class)
    String agentId;

    @Argument(index = 1, name = "presence", description = "AVAILABLE, AWAY or OFFLINE", required = true)
    @Completion(value = StringsCompleter.class, values = {"AVAILABLE", "AWAY", "OFFLINE"}, caseSensitive = false)
    String presence;

    @Argument(index = 2, name = "reason", description = "Why they are away (the rest of the line)", multiValued = true)
    List<String> reason;

    @Reference(optional = true)
    Agents agents;

    @Override
    public Object execute() {
        AgentStatus status = available(agents, Agents.class).setPresence(agentId, presence(), reason == null ? null : String.join(" ", reason));
        out.println(status.agent().name() + " (" + status.agent().id() + ") is now " + status.presence()
                + (status.reason() == null ? "" : " (" + status.reason() + ")"));
        return null;
    }

    private Presence presence() {
        try {
            return Presence.valueOf(presence.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown presence '" + presence + "'; use one of "
                    + Arrays.toString(Presence.values()), e);
        }
    }
}
