package org.switchboard.telephony.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.telephony.callback.Callback;
import org.switchboard.telephony.callback.CallbackStore;

/** {@code switchboard:callbacks}: the callback worklist. */
@Service
@Command(scope = "switchboard", name = "callbacks", description = "Show the callback worklist: who to call back, since when, how often they called")
public final class CallbacksCommand implements Action {
    @Reference
    CallbackStore store;

    @Option(name = "--closed", description = "Show closed entries (newest first) instead of open ones")
    boolean closed;

    @Option(name = "--limit", description = "At most this many entries")
    int limit = 50;

    @Override
    public Object execute() {
        List<Callback> entries = store.list(closed ? Callback.CLOSED : Callback.OPEN, Math.max(1, Math.min(limit, 1000)));
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Number");
        table.column("Name");
        table.column("Why");
        table.column("Calls").alignRight();
        table.column("Longest wait").alignRight();
        table.column("First");
        table.column("Last");
        table.column(closed ? "Closed" : "Preferred");
        Instant now = Instant.now();
        for (Callback c : entries) {
            table.addRow().addContent(c.id(), c.number(), c.name() == null ? "" : c.name(), c.source(), c.calls(),
                    c.longestWaitSeconds() + " s", ago(c.firstAt(), now), ago(c.lastAt(), now),
                    closed ? c.closedReason() + (c.closedBy() == null ? "" : " by " + c.closedBy())
                            : c.preferredAt() == null ? "asap" : c.preferredAt().toString());
        }
        table.print(System.out);
        return null;
    }

    private static String ago(Instant then, Instant now) {
        Duration d = Duration.between(then, now);
        if (d.toMinutes() < 1) {
            return d.toSeconds() + " s ago";
        }
        return d.toHours() < 1 ? d.toMinutes() + " min ago" : d.toHours() + " h ago";
    }
}
