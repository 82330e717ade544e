package org.switchboard.shell.commands;

import java.util.Map;
import java.util.TreeMap;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.service.HealthReport;
import org.switchboard.api.service.HealthService;
import org.switchboard.api.spi.Health;

/** {@code switchboard:health}: every health check with its status and message. */
@Service
@Command(scope = "switchboard", name = "health", description = "Show whether Switchboard works: every health check and its status")
public final class HealthCommand extends ConsoleAction {

    @Reference(optional = true)
    HealthService health;

    @Override
    public Object execute() {
        HealthReport report = available(health, HealthService.class).report();
        out.println("Switchboard is " + report.status());
        ShellTable table = new ShellTable().emptyTableText("No health checks are registered");
        table.column("Check");
        table.column("Status");
        table.column("Message").maxSize(100);
        for (Map.Entry<String, Health> check : new TreeMap<>(report.checks()).entrySet()) {
            table.addRow().addContent(check.getKey(), check.getValue().status(), check.getValue().message());
        }
        table.print(out);
        return null;
    }
}
