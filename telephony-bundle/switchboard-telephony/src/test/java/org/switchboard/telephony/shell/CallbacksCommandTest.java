package org.switchboard.telephony.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.switchboard.telephony.callback.Callback;
import org.switchboard.telephony.callback.CallbackStore;
import org.switchboard.telephony.testing.CoreNumbers;
import org.switchboard.telephony.testing.TestDatabase;

/** {@code switchboard:callbacks}: the worklist in a table. */
class CallbacksCommandTest {
    private final CallbackStore store = CallbackStore.onTables(TestDatabase.withSchema(), Clock.systemUTC(),
            CoreNumbers.inRegion("US"));

    @Test
    void listsOpenCallbacksAndWithClosedTheClosedOnes() {
        store.request("+49301234567", "Ada Lovelace", null);
        long done = store.request("+49307654321", "Alan Turing", null);
        store.close(done, Callback.CALLED_BACK, "agent-1001");

        String open = run(false);
        assertThat(open).contains("+49301234567", "Ada Lovelace", "REQUESTED", "asap").doesNotContain("Alan Turing");
        assertThat(run(true)).contains("Alan Turing", "CALLED_BACK by agent-1001").doesNotContain("Ada Lovelace");
    }

    private String run(boolean closed) {
        CallbacksCommand command = new CallbacksCommand();
        command.store = store;
        command.closed = closed;
        PrintStream previous = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            command.execute();
        } finally {
            System.setOut(previous);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
