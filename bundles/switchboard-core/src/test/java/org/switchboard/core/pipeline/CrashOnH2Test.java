package org.switchboard.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.InteractionState;
import org.switchboard.api.Receipt;
import org.switchboard.core.Core;
import org.switchboard.core.support.Contacts;
import org.switchboard.core.support.CoreHarness;
import org.switchboard.core.support.TestStore;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.connector.LocalCrmConnector;
import org.switchboard.crm.local.store.LocalCrmSchema;
import org.switchboard.crm.local.store.TicketNumbers;
import org.switchboard.crm.local.store.TicketStore;

/**
 * A crash of the process on H2, whose commits reach the file in the background: a contact the
 * core has acknowledged is in the file, and the processing a crash lost is done again, once.
 * The write delay here is a minute, so that nothing reaches the file but what the core writes
 * itself before it acknowledges.
 */
class CrashOnH2Test {
    private static final int WRITE_DELAY_MILLIS = 60_000;
    private static final int CONTACTS = 40;

    @TempDir
    Path folder;

    private CoreHarness harness;

    @AfterEach
    void stopCore() {
        if (harness != null) {
            harness.close();
        }
    }

    /** The core with the built-in CRM on a store in {@link #folder}. */
    private CoreHarness start(Core.Settings settings) throws SQLException {
        CoreHarness started = new CoreHarness(TestStore.h2(folder, WRITE_DELAY_MILLIS), Clock.systemUTC());
        LocalCrmSchema.update(started.store.dataSource());
        TicketStore tickets = new TicketStore(started.store.dataSource(), Clock.systemUTC());
        started.crms.remove(started.crm);
        started.crms.add(new LocalCrmConnector(tickets, new TicketNumbers("SB-", 6), new TicketLinks("http://localhost:8181")), 0);
        return started.start(settings);
    }

    /**
     * The store's file as it is at this moment is all the next start sees. The core's threads stop
     * first (they have nothing left to do): in a real crash they die with the process, while here
     * they would otherwise go on with the pool, which opens the database again behind the test.
     */
    private void crash() throws SQLException {
        harness.core().close();
        harness.store.crash();
        harness = null;
    }

    private List<Receipt> acceptContacts() {
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            receipts.add(harness.core().ingress().accept(Contacts.webhook("+49303000" + (100 + i)).build()));
        }
        return receipts;
    }

    @Test
    void everyAcknowledgedContactIsInTheFileAfterACrash() throws SQLException {
        Core.Settings d = Core.Settings.defaults();
        harness = start(new Core.Settings(d.defaultRegion(), false, d.processing(), d.outbox(), d.offerTimeout(),
                d.crmLookupBudget(), d.crmLookupTtl()));
        List<Receipt> receipts = acceptContacts();

        crash();
        harness = start(Core.Settings.defaults());

        for (Receipt r : receipts) {
            assertThat(harness.awaitTicket(r.interactionId()).interaction().state()).isEqualTo(InteractionState.QUEUED);
        }
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_contact")).isEqualTo(CONTACTS);
        assertThat(harness.store.count("SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(CONTACTS);
    }

    @Test
    void processingTheCrashLostIsDoneAgainOnceAfterTheRestart() throws SQLException {
        harness = start(Core.Settings.defaults());
        List<Receipt> receipts = acceptContacts();
        await().atMost(CoreHarness.WAIT).until(() -> harness.store.count("SELECT COUNT(*) FROM crm_local_tickets") == CONTACTS);

        crash();
        harness = start(Core.Settings.defaults());

        // the processing commits were not in the file yet: those contacts are pending again
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_contact_pending")).isPositive();
        for (Receipt r : receipts) {
            harness.awaitTicket(r.interactionId());
        }
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_contact_pending")).isZero();
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_customer")).isEqualTo(CONTACTS);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_conversation")).isEqualTo(CONTACTS);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_ticket")).isEqualTo(CONTACTS);
        assertThat(harness.store.count("SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(CONTACTS);
        assertThat(harness.store.count("SELECT COUNT(DISTINCT number) FROM crm_local_tickets")).isEqualTo(CONTACTS);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_interaction WHERE state = 'QUEUED'")).isEqualTo(CONTACTS);
    }
}
