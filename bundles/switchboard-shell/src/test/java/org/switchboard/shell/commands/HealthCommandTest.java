package org.switchboard.shell.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.HealthReport;
import org.switchboard.api.service.HealthService;
import org.switchboard.api.spi.Health;

class HealthCommandTest {
    private final Console console = new Console();
    private final HealthCommand command = console.attach(new HealthCommand());

    @Test
    void printsTheOverallStatusAndEveryCheckByName() {
        command.health = mock(HealthService.class);
        when(command.health.report()).thenReturn(new HealthReport(Health.Status.DOWN, Map.of(
                "store", Health.up("H2 answers in 2 ms"),
                "outbox", Health.degraded("3 commands failed"),
                "crm:suitecrm", Health.down("connection refused"))));

        command.execute();

        assertThat(console.lines().get(0)).isEqualTo("Switchboard is DOWN");
        assertThat(console.rows()).containsExactly(
                List.of("Check", "Status", "Message"),
                List.of("crm:suitecrm", "DOWN", "connection refused"),
                List.of("outbox", "DEGRADED", "3 commands failed"),
                List.of("store", "UP", "H2 answers in 2 ms"));
    }
}
