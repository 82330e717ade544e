package org.switchboard.shell.commands;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.service.Outbox;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.shell.format.Durations;
import org.switchboard.shell.format.Texts;

/**
 * {@code switchboard:outbox}: the CRM and channel writes in one state, FAILED by default (those wait
 * for an operator: {@code switchboard:outbox-retry}). Error messages are shown with credentials masked.
 */
@Service
@Command(scope = "switchboard", name = "outbox", description = "List outbox commands (CRM and channel writes), FAILED ones by default")
public final class OutboxListCommand extends ConsoleAction {

    @Option(name = "-s", aliases = "--state", description = "FAILED (default), PENDING or DONE")
    @Completion(value = StringsCompleter.class, values = {"FAILED", "PENDING", "DONE"}, caseSensitive = false)
    String state = OutboxCommand.State.FAILED.name();

    @Option(name = "-n", aliases = "--limit", description = "At most this many (1 to 1000)")
    int limit = 50;

    @Reference(optional = true)
    Outbox outbox;

    @Override
    public Object execute() {
        Outbox commands = available(outbox, Outbox.class);
        OutboxCommand.State wanted = state();
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("The limit must be within 1..1000, was " + limit);
        }
        Instant now = clock.instant();
        ShellTable table = new ShellTable().emptyTableText("No " + wanted + " commands");
        table.column("ID").alignRight();
        table.column("Target");
        table.column("Kind");
        table.column("Attempts").alignRight();
        table.column("Next attempt");
        table.column("Last error").maxSize(80);
        for (OutboxCommand command : commands.list(wanted, limit)) {
            table.addRow().addContent(command.id(), command.target(), command.kind(), command.attempts(),
                    nextAttempt(command, now), Texts.oneLine(Texts.redacted(command.lastError()), 80));
        }
        table.print(out);
        out.println(counts(commands.counts()));
        return null;
    }

    private OutboxCommand.State state() {
        try {
            return OutboxCommand.State.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown state '" + state + "'; use one of "
                    + Arrays.toString(OutboxCommand.State.values()), e);
        }
    }

    private static String nextAttempt(OutboxCommand command, Instant now) {
        if (command.state() != OutboxCommand.State.PENDING || command.nextAttemptAt() == null) {
            return Texts.NONE;
        }
        return command.nextAttemptAt().isAfter(now)
                ? "in " + Durations.human(Duration.between(now, command.nextAttemptAt()))
                : "now";
    }

    private static String counts(Map<OutboxCommand.State, Long> counts) {
        return "In the outbox: " + Arrays.stream(OutboxCommand.State.values())
                .map(s -> s + " " + counts.getOrDefault(s, 0L))
                .collect(Collectors.joining(", "));
    }
}
