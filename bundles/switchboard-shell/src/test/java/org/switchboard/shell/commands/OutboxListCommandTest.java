package org.switchboard.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.Outbox;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.api.service.OutboxCommand.State;

class OutboxListCommandTest {
    private final Console console = new Console();
    private final OutboxListCommand command = console.attach(new OutboxListCommand());

    @BeforeEach
    void mockOutbox() {
        command.outbox = mock(Outbox.class);
        when(command.outbox.list(any(), anyInt())).thenReturn(List.of());
        when(command.outbox.counts()).thenReturn(Map.of(State.FAILED, 1L, State.PENDING, 2L, State.DONE, 40L));
    }

    @Test
    void listsFailedCommandsByDefault() {
        command.execute();

        verify(command.outbox).list(State.FAILED, 50);
        assertThat(console.text()).contains("No FAILED commands");
    }

    @Test
    void printsEachCommandWithItsLastError() {
        when(command.outbox.list(State.FAILED, 50)).thenReturn(List.of(new OutboxCommand(12, "suitecrm-main",
                "OPEN_TICKET", State.FAILED, 8, null, "HTTP 422: subject is required", 7L, Console.NOW)));

        command.execute();

        assertThat(console.rows()).containsExactly(
                List.of("ID", "Target", "Kind", "Attempts", "Next attempt", "Last error"),
                List.of("12", "suitecrm-main", "OPEN_TICKET", "8", "-", "HTTP 422: subject is required"));
    }

    @Test
    void neverPrintsTheCredentialsAnErrorCarries() {
        when(command.outbox.list(State.FAILED, 50)).thenReturn(List.of(new OutboxCommand(12, "suitecrm-main",
                "OPEN_TICKET", State.FAILED, 8, null,
                "POST https://sb:hunter2@crm.example.org/token?client_secret=s3cr3t failed", 7L, Console.NOW)));

        command.execute();

        assertThat(console.text()).doesNotContain("hunter2").doesNotContain("s3cr3t")
                .contains("https://***@crm.example.org/token?client_secret=***");
    }

    @Test
    void showsWhenAPendingCommandIsTriedNext() {
        command.state = "pending";
        when(command.outbox.list(State.PENDING, 50)).thenReturn(List.of(new OutboxCommand(13, "local", "LOG_ACTIVITY",
                State.PENDING, 2, Console.NOW.plusSeconds(30), "connection refused", 7L, Console.NOW)));

        command.execute();

        assertThat(console.rows()).contains(List.of("13", "local", "LOG_ACTIVITY", "2", "in 30s", "connection refused"));
    }

    @Test
    void countsTheCommandsOfEveryState() {
        command.execute();

        assertThat(console.lines()).last().isEqualTo("In the outbox: PENDING 2, DONE 40, FAILED 1");
    }

    @Test
    void refusesAStateItDoesNotKnow() {
        command.state = "stuck";

        assertThatThrownBy(command::execute).hasMessageContaining("stuck").hasMessageContaining("FAILED");
    }
}
