package org.switchboard.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.AgentStatus;
import org.switchboard.api.Presence;
import org.switchboard.api.service.Agents;

class PresenceCommandTest {
    private final Console console = new Console();
    private final PresenceCommand command = console.attach(new PresenceCommand());

    @BeforeEach
    void mockAgents() {
        command.agents = mock(Agents.class);
        command.agentId = "alice";
    }

    @Test
    void setsThePresenceWithTheRestOfTheLineAsReason() {
        when(command.agents.setPresence("alice", Presence.AWAY, "lunch break")).thenReturn(
                new AgentStatus(Fixtures.alice(), Presence.AWAY, "lunch break", Console.NOW, null, List.of()));
        command.presence = "away";
        command.reason = List.of("lunch", "break");

        command.execute();

        assertThat(console.lines()).containsExactly("Alice Smith (alice) is now AWAY (lunch break)");
    }

    @Test
    void setsAPresenceWithoutReason() {
        when(command.agents.setPresence("alice", Presence.AVAILABLE, null)).thenReturn(
                new AgentStatus(Fixtures.alice(), Presence.AVAILABLE, null, Console.NOW, Console.NOW, List.of()));
        command.presence = "AVAILABLE";

        command.execute();

        assertThat(console.lines()).containsExactly("Alice Smith (alice) is now AVAILABLE");
    }

    @Test
    void refusesAPresenceItDoesNotKnowNamingTheChoices() {
        command.presence = "busy";

        assertThatThrownBy(command::execute).hasMessageContaining("busy").hasMessageContaining("AVAILABLE, AWAY");
        verifyNoInteractions(command.agents);
    }
}
