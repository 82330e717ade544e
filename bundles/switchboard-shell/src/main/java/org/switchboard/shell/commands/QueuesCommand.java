package org.switchboard.shell.commands;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.QueueStatus;
import org.switchboard.api.service.Queues;
import org.switchboard.shell.format.Durations;

/** {@code switchboard:queues}: what waits in each queue and who could take it. */
@Service
@Command(scope = "switchboard", name = "queues", description = "Show queues, waiting contacts and agents")
public final class QueuesCommand extends ConsoleAction {

    @Reference(optional = true)
    Queues queues;

    @Override
    public Object execute() {
        ShellTable table = new ShellTable().emptyTableText("No queues are configured");
        table.column("ID");
        table.column("Name");
        table.column("Waiting").alignRight();
        table.column("Offered").alignRight();
        table.column("Active").alignRight();
        table.column("Longest wait").alignRight();
        table.column("Agents available/signed in").alignRight();
        for (QueueStatus status : available(queues, Queues.class).list()) {
            table.addRow().addContent(status.queue().id(), status.queue().name(), status.waiting(), status.offered(),
                    status.active(), Durations.human(status.longestWait()),
                    status.agentsAvailable() + "/" + status.agentsSignedIn());
        }
        table.print(out);
        return null;
    }
}
