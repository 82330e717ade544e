package org.switchboard.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.switchboard.api.QueueStatus;
import org.switchboard.api.service.Queues;

class QueuesCommandTest {
    private final Console console = new Console();
    private final QueuesCommand command = console.attach(new QueuesCommand());

    @Test
    void printsWhatWaitsAndWhoCouldTakeIt() {
        command.queues = mock(Queues.class);
        when(command.queues.list()).thenReturn(
                List.of(new QueueStatus(Fixtures.billing(), 4, 1, 3, Duration.ofSeconds(90), 2, 5)));

        command.execute();

        assertThat(console.rows()).containsExactly(
                List.of("ID", "Name", "Waiting", "Offered", "Active", "Longest wait", "Agents available/signed in"),
                List.of("billing", "Billing", "4", "1", "3", "1m 30s", "2/5"));
    }
}
