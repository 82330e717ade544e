package org.switchboard.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.Outbox;

class OutboxRetryCommandTest {
    private final Console console = new Console();
    private final OutboxRetryCommand command = console.attach(new OutboxRetryCommand());

    @BeforeEach
    void mockOutbox() {
        command.outbox = mock(Outbox.class);
    }

    @Test
    void retriesTheCommandsGivenAndSaysWhichWereNotFailed() {
        when(command.outbox.retry(12)).thenReturn(true);
        when(command.outbox.retry(13)).thenReturn(false);
        command.ids = List.of(12L, 13L);

        command.execute();

        assertThat(console.lines()).containsExactly(
                "Command 12 is pending again",
                "Command 13 is not FAILED; left as it is");
    }

    @Test
    void retriesEveryFailedCommandWithAll() {
        when(command.outbox.retryAllFailed()).thenReturn(3);
        command.all = true;

        command.execute();

        assertThat(console.lines()).containsExactly("3 failed commands are pending again");
    }

    @Test
    void asksForIdsOrAllWhenGivenNeither() {
        assertThatThrownBy(command::execute).hasMessageContaining("--all");
        verifyNoInteractions(command.outbox);
    }

    @Test
    void refusesIdsTogetherWithAll() {
        command.ids = List.of(12L);
        command.all = true;

        assertThatThrownBy(command::execute).hasMessageContaining("not both");
        verifyNoInteractions(command.outbox);
    }
}
