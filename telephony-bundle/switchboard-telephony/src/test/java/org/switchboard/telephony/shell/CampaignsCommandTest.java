package org.switchboard.telephony.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.telephony.campaign.CampaignStore;
import org.switchboard.telephony.testing.TestDatabase;

/** {@code switchboard:campaigns}: the campaigns, one campaign's numbers, cancelling. */
class CampaignsCommandTest {
    private final CampaignStore store = CampaignStore.onTables(TestDatabase.withSchema(), Clock.systemUTC());

    @Test
    void listsCampaignsThenOnesNumbersAndCancels() {
        Map<String, String> numbers = new LinkedHashMap<>();
        numbers.put("+49301234567", "Europe/Berlin");
        numbers.put("+81312345678", "Asia/Tokyo");
        long id = store.create(new CampaignStore.NewCampaign("Dentist reminders", "See you tomorrow", "09:00", "19:00",
                null, 5, 3, 30, null, "sam", numbers, null));
        store.create(new CampaignStore.NewCampaign("Vet reminders", "Bring the dog", "10:00", "18:00",
                null, 2, 1, 30, null, "sam", Map.of("+49301111111", "Europe/Berlin"), null));

        assertThat(run(null, false)).contains("Dentist reminders", "ACTIVE", "09:00-19:00", "5/min", "WAITING=2",
                "Vet reminders", "WAITING=1");
        assertThat(run(id, false)).contains("+49301234567", "Europe/Berlin", "+81312345678", "Asia/Tokyo");
        assertThat(run(id, true)).contains("CANCELLED=2");
        assertThat(store.find(id).orElseThrow().status()).isEqualTo("CANCELLED");
    }

    private String run(Long id, boolean cancel) {
        CampaignsCommand command = new CampaignsCommand();
        command.store = store;
        command.id = id;
        command.cancel = cancel;
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
