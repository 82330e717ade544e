package org.switchboard.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Channel;
import org.switchboard.api.InteractionState;
import org.switchboard.api.service.InteractionFilter;
import org.switchboard.api.service.Interactions;

class InteractionsCommandTest {
    private final Console console = new Console();
    private final InteractionsCommand command = console.attach(new InteractionsCommand());

    @BeforeEach
    void mockInteractions() {
        command.interactions = mock(Interactions.class);
        when(command.interactions.list(any())).thenReturn(List.of());
    }

    @Test
    void printsEachInteractionWithItsAge() {
        when(command.interactions.list(any())).thenReturn(
                List.of(Fixtures.interaction(17, InteractionState.QUEUED, Console.NOW.minusSeconds(125))));

        command.execute();

        assertThat(console.rows()).containsExactly(
                List.of("ID", "State", "Channel", "Queue", "Agent", "Customer", "Summary", "Age"),
                List.of("17", "QUEUED", "email", "billing", "alice", "42", "Invoice 2026-11 is wrong", "2m 05s"));
    }

    @Test
    void asksForTheLatestFiftyByDefault() {
        command.execute();

        verify(command.interactions).list(InteractionFilter.latest(50));
    }

    @Test
    void passesItsFiltersOn() {
        command.state = "queued";
        command.queue = "billing";
        command.agent = "alice";
        command.channel = "EMAIL";
        command.limit = 5;

        command.execute();

        verify(command.interactions).list(
                new InteractionFilter(InteractionState.QUEUED, "billing", "alice", Channel.EMAIL, null, 5));
    }

    @Test
    void saysSoWhenThereAreNone() {
        command.execute();

        assertThat(console.text()).contains("No interactions");
    }

    @Test
    void refusesAStateItDoesNotKnowNamingTheStates() {
        command.state = "ringing";

        assertThatThrownBy(command::execute).hasMessageContaining("ringing").hasMessageContaining("WRAP_UP");
    }
}
