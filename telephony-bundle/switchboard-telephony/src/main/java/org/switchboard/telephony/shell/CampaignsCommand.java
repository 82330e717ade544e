package org.switchboard.telephony.shell;

import java.util.List;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.telephony.campaign.Campaign;
import org.switchboard.telephony.campaign.CampaignStore;

/** {@code switchboard:campaigns [id]}: the reminder campaigns with their counts, or one campaign's numbers. */
@Service
@Command(scope = "switchboard", name = "campaigns", description = "Show the reminder call campaigns, or with an id the result of each of its numbers")
public final class CampaignsCommand implements Action {
    @Reference
    CampaignStore store;

    @Argument(index = 0, name = "id", description = "A campaign: show its numbers", required = false)
    Long id;

    @Option(name = "--cancel", description = "Cancel the campaign given by id: numbers not yet called are not called")
    boolean cancel;

    @Option(name = "--limit", description = "At most this many campaigns")
    int limit = 50;

    @Override
    public Object execute() {
        if (id == null) {
            if (cancel) {
                System.err.println("--cancel needs the campaign's id");
                return null;
            }
            campaigns(store.list(Math.max(1, Math.min(limit, 1000))));
            return null;
        }
        var campaign = cancel ? store.cancel(id) : store.find(id);
        if (campaign.isEmpty()) {
            System.err.println("No campaign " + id);
            return null;
        }
        campaigns(List.of(campaign.get()));
        ShellTable table = new ShellTable();
        table.column("Number");
        table.column("Zone");
        table.column("State");
        table.column("Result");
        table.column("Attempts").alignRight();
        table.column("Pressed 1");
        table.column("Next call");
        for (Campaign.Number n : campaign.get().numbers()) {
            table.addRow().addContent(n.number(), n.timeZone(), n.state(), n.result() == null ? "" : n.result(),
                    n.attempts(), n.keyPressed() ? "yes" : "", n.nextAt() == null ? "" : n.nextAt().toString());
        }
        table.print(System.out);
        return null;
    }

    private static void campaigns(List<Campaign> campaigns) {
        ShellTable table = new ShellTable();
        table.column("Id").alignRight();
        table.column("Name");
        table.column("Status");
        table.column("Window");
        table.column("Pacing").alignRight();
        table.column("Results");
        for (Campaign c : campaigns) {
            table.addRow().addContent(c.id(), c.name(), c.status(), c.windowFrom() + "-" + c.windowTo(),
                    c.pacing() + "/min", c.counts().toString());
        }
        table.print(System.out);
    }
}
