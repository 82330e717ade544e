package org.switchboard.shell.commands;

import java.util.List;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.switchboard.api.service.Outbox;

/** {@code switchboard:outbox-retry}: puts FAILED outbox commands back to PENDING; they run at once. */
@Service
@Command(scope = "switchboard", name = "outbox-retry", description = "Retry FAILED outbox commands: the ones given, or all with --all")
public final class OutboxRetryCommand extends ConsoleAction {

    @Argument(index = 0, name = "ids", description = "The ids of FAILED commands (see switchboard:outbox)", multiValued = true)
    List<Long> ids;

    @Option(name = "--all", description = "Retry every FAILED command")
    boolean all;

    @Reference(optional = true)
    Outbox outbox;

    @Override
    public Object execute() {
        Outbox commands = available(outbox, Outbox.class);
        boolean someIds = ids != null && !ids.isEmpty();
        if (all == someIds) {
            throw new IllegalArgumentException("Give the ids of the commands to retry, or --all (not both)");
        }
        if (all) {
            int retried = commands.retryAllFailed();
            out.println(retried == 1 ? "1 failed command is pending again" : retried + " failed commands are pending again");
            return null;
        }
        for (long id : ids) {
            out.println(commands.retry(id)
                    ? "Command " + id + " is pending again"
                    : "Command " + id + " is not FAILED; left as it is");
        }
        return null;
    }
}
