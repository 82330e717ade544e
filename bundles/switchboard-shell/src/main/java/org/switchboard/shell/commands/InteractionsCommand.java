package org.switchboard.shell.commands;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.switchboard.api.Channel;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.service.InteractionFilter;
import org.switchboard.api.service.Interactions;
import org.switchboard.shell.format.Durations;
import org.switchboard.shell.format.Texts;

/** {@code switchboard:interactions}: the latest interactions, newest first, filtered by state, queue, agent, channel. */
@Service
@Command(scope = "switchboard", name = "interactions", description = "List interactions, newest first")
public final class InteractionsCommand extends ConsoleAction {

    @Option(name = "-s", aliases = "--state", description = "Only in this state (NEW, QUEUED, OFFERED, ACTIVE, WRAP_UP, CLOSED, MISSED, ABANDONED)")
    @Completion(value = StringsCompleter.class, values = {"NEW", "QUEUED", "OFFERED", "ACTIVE", "WRAP_UP", "CLOSED", "MISSED", "ABANDONED"}, caseSensitive = false)
    String state;

    @Option(name = "-q", aliases = "--queue", description = "Only of this queue")
    String queue;

    @Option(name = "-a", aliases = "--agent", description = "Only of this agent")
    @Completion(AgentIdCompleter.class)
    String agent;

    @Option(name = "-c", aliases = "--channel", description = "Only of this channel (voice, email, webchat, …)")
    String channel;

    @Option(name = "-n", aliases = "--limit", description = "At most this many (1 to 1000)")
    int limit = 50;

    @Reference(optional = true)
    Interactions interactions;

    @Override
    public Object execute() {
        InteractionFilter filter = new InteractionFilter(state(), queue, agent,
                channel == null ? null : Channel.of(channel.toLowerCase(Locale.ROOT)), null, limit);
        Instant now = clock.instant();
        ShellTable table = new ShellTable().emptyTableText("No interactions");
        table.column("ID").alignRight();
        table.column("State");
        table.column("Channel");
        table.column("Queue");
        table.column("Agent");
        table.column("Customer").alignRight();
        table.column("Summary").maxSize(50);
        table.column("Age").alignRight();
        for (Interaction interaction : available(interactions, Interactions.class).list(filter)) {
            table.addRow().addContent(interaction.id(), interaction.state(), interaction.channel(),
                    Texts.orNone(interaction.queueId()), Texts.orNone(interaction.agentId()),
                    Texts.orNone(interaction.customerId()), Texts.oneLine(interaction.summary(), 50),
                    Durations.human(Duration.between(interaction.createdAt(), now)));
        }
        table.print(out);
        return null;
    }

    private InteractionState state() {
        if (state == null) {
            return null;
        }
        try {
            return InteractionState.valueOf(state.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown state '" + state + "'; use one of "
                    + Arrays.toString(InteractionState.values()), e);
        }
    }
}
