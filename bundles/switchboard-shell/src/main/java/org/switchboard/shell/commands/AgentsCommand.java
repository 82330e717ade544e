package org.switchboard.shell.commands;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.service.Agents;
import org.switchboard.shell.format.Durations;
import org.switchboard.shell.format.Texts;

/** {@code switchboard:agents}: every agent with their presence, how long they have had it, and their work. */
@Service
@Command(scope = "switchboard", name = "agents", description = "List agents with their presence and current interactions")
public final class AgentsCommand extends ConsoleAction {

    @Reference(optional = true)
    Agents agents;

    @Override
    public Object execute() {
        Instant now = clock.instant();
        ShellTable table = new ShellTable().emptyTableText("No agents are configured");
        table.column("ID");
        table.column("Name");
        table.column("Presence");
        table.column("For").alignRight();
        table.column("Interactions");
        for (AgentStatus status : available(agents, Agents.class).list()) {
            String presence = status.reason() == null
                    ? status.presence().name()
                    : status.presence() + " (" + Texts.oneLine(status.reason(), 40) + ")";
            String work = status.interactions().isEmpty()
                    ? Texts.NONE
                    : status.interactions().stream().map(String::valueOf).collect(Collectors.joining(", "));
            table.addRow().addContent(status.agent().id(), status.agent().name(), presence,
                    Durations.human(Duration.between(status.since(), now)), work);
        }
        table.print(out);
        return null;
    }
}
