package org.switchboard.channel.email.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.switchboard.api.ConflictException;
import org.switchboard.channel.email.testing.RejectedMailbox;

class RejectedMailCommandTest {
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final RejectedMailCommand command = new RejectedMailCommand();
    private final RejectedMailbox mailbox = new RejectedMailbox();

    RejectedMailCommandTest() {
        command.rejected = mailbox.rejected;
        command.out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    }

    private String text() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsRejectedMailWithItsReason() throws Exception {
        mailbox.store.storeRejected("support", "bad@x.example", "cannot parse the message:\nMissing start boundary",
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

    @Test
    void replayTurnsAFixedMessageIntoAContactAndTakesItOffTheList() throws Exception {
        long id = mailbox.refusedByTheCore(1);

        command.replay = id;
        command.execute();

        assertThat(text()).contains("Rejected message " + id, "order-1@customer.example", "is contact 1",
                "no longer listed");
        assertThat(mailbox.ingress.externalIds()).containsExactly("order-1@customer.example");
        printed.reset();
        command.replay = null;
        command.execute();
        assertThat(text()).contains("No rejected mail");
    }

    @Test
    void replayOfAMessageThatStillFailsSaysWhyAndKeepsItListed() throws Exception {
        long id = mailbox.withoutSender();

        command.replay = id;
        assertThatThrownBy(command::execute).isInstanceOf(ConflictException.class)
                .hasMessageContaining("Rejected message " + id + " still cannot become a contact")
                .hasMessageContaining("no usable sender address");

        command.replay = null;
        command.execute();
        assertThat(text()).contains("poison@x.example");
    }
}
