package org.switchboard.shell.commands;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MissingCoreTest {
    private final Console console = new Console();

    @Test
    void tellsTheOperatorWhenTheCoreDoesNotProvideTheService() {
        QueuesCommand command = console.attach(new QueuesCommand());

        assertThatThrownBy(command::execute)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("core is not running")
                .hasMessageContaining("Queues");
    }
}
