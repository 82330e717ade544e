package org.switchboard.channel.email.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.switchboard.channel.email.store.EmailSchema;
import org.switchboard.channel.email.store.EmailStore;
import org.switchboard.jdbc.testing.TestDatabases;

class RejectedMailCommandTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final RejectedMailCommand command = new RejectedMailCommand();

    RejectedMailCommandTest() {
        var dataSource = TestDatabases.h2();
        EmailSchema.update(dataSource);
        command.store = new EmailStore(dataSource, Clock.systemUTC());
        command.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsRejectedMailWithItsReason() throws Exception {
        command.store.storeRejected("support", "bad@x.example", "cannot parse the message:\nMissing start boundary",
                "raw".getBytes(StandardCharsets.UTF_8), 3);
        command.execute();
        assertThat(text()).contains("support", "bad@x.example", "cannot parse the message: Missing start boundary");
    }

    @Test
    void saysSoWhenThereIsNone() throws Exception {
        command.execute();
        assertThat(text()).contains("No rejected mail");
    }

    @Test
    void refusesAnUnreasonableLimit() {
        command.limit = 0;
        assertThatThrownBy(command::execute).hasMessageContaining("1..1000");
    }
}
