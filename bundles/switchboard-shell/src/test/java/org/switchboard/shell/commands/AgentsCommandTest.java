package org.switchboard.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Agent;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Presence;
import org.switchboard.api.service.Agents;

class AgentsCommandTest {
    private final Console console = new Console();
    private final AgentsCommand command = console.attach(new AgentsCommand());

    @Test
    void printsPresenceWithReasonTimeInItAndCurrentInteractions() {
        Agent bob = new Agent("bob", "Bob Jones", "bob", null, null, null, null);
        command.agents = mock(Agents.class);
        when(command.agents.list()).thenReturn(List.of(
                new AgentStatus(Fixtures.alice(), Presence.AVAILABLE, null, Console.NOW.minusSeconds(3_720),
                        null, List.of(17L, 18L)),
                new AgentStatus(bob, Presence.AWAY, "lunch", Console.NOW.minusSeconds(300), null, List.of())));

        command.execute();

        assertThat(console.rows()).containsExactly(
                List.of("ID", "Name", "Presence", "For", "Interactions"),
                List.of("alice", "Alice Smith", "AVAILABLE", "1h 02m", "17, 18"),
                List.of("bob", "Bob Jones", "AWAY (lunch)", "5m 00s", "-"));
    }
}
