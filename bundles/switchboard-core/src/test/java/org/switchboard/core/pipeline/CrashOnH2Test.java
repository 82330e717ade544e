package org.switchboard.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.InteractionState;
import org.switchboard.api.Receipt;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.core.Core;
import org.switchboard.core.store.Dialect;
import org.switchboard.core.store.H2Housekeeping;
import org.switchboard.core.support.Contacts;
import org.switchboard.core.support.CoreHarness;
import org.switchboard.core.support.TestStore;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.connector.LocalCrmConnector;
import org.switchboard.crm.local.store.LocalCrmSchema;
import org.switchboard.crm.local.store.TicketNumbers;
import org.switchboard.crm.local.store.TicketStore;

/**
 * A crash of the process on H2, set up as the distribution's (every commit written to the file
 * when it is made), while the core is at work: a contact the core has acknowledged is in the file,
 * and whatever the crash cut short is done again after the restart, once.
 */
class CrashOnH2Test {
    private static final int CONTACTS = 40;
    private static final int SENDERS = 4;

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
        CoreHarness started = new CoreHarness(TestStore.h2(folder), Clock.systemUTC());
        LocalCrmSchema.update(started.store.dataSource());
        TicketStore tickets = new TicketStore(started.store.dataSource(), Clock.systemUTC());
        started.crms.remove(started.crm);
        started.crms.add(new LocalCrmConnector(tickets, new TicketNumbers("SB-", 6), new TicketLinks("http://localhost:8181")), 0);
        return started.start(settings);
    }

    /**
     * The store's file as it is at this moment is all the next start sees, whatever the core's
     * threads are doing. They go on and meet errors, as in a dying process, until the core is
     * closed (its last write fails too: the database is gone).
     */
    private void crash() throws SQLException {
        harness.store.crash();
        harness.core().close();
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

    /**
     * Senders on several threads, processing and the built-in CRM all busy when the process dies.
     * Every contact comes from a caller of its own. Contacts stored but not acknowledged may be there
     * or not (their source delivers them again); each one that is there is processed once: one
     * customer, one conversation and one ticket each.
     */
    @RepeatedTest(3)
    void aCrashInTheMiddleOfABurstLosesNoAcknowledgedContactAndDoesNothingTwice() throws Exception {
        crashInTheMiddleOfABurst(false);
    }

    /**
     * The same while the file is being compacted ({@link H2Housekeeping}), which rewrites pages
     * of old chunks and lets the commits write them again: nothing it moved is lost or doubled.
     * H2 keeps chunks younger than its retention time (45 s) as they are; here it keeps none, so
     * that the burst's own chunks are compacted while it runs.
     */
    @RepeatedTest(3)
    void aCrashWhileTheFileIsCompactedLosesNoAcknowledgedContactAndDoesNothingTwice() throws Exception {
        crashInTheMiddleOfABurst(true);
    }

    private void crashInTheMiddleOfABurst(boolean compacting) throws Exception {
        harness = start(Core.Settings.defaults());
        H2Housekeeping housekeeping = null;
        if (compacting) {
            try (Connection c = harness.store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("SET RETENTION_TIME 0");
            }
            housekeeping = H2Housekeeping.startIfEmbeddedH2(harness.store.dataSource(), Dialect.H2, Duration.ofMillis(10))
                    .orElseThrow();
        }
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        Core core = harness.core();
        for (int s = 0; s < SENDERS; s++) {
            int sender = s;
            senders.execute(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String caller = String.format("+49303%d%05d", sender, n);
                    try {
                        acknowledged.add(core.ingress().accept(Contacts.webhook(caller).build()).interactionId());
                    } catch (RuntimeException e) {
                        return; // the store is gone
                    }
                }
            });
        }
        // well into the burst: contacts processed, tickets opened, others still coming in
        H2Housekeeping compactor = housekeeping;
        await().atMost(CoreHarness.WAIT).until(() -> harness.store.count("SELECT COUNT(*) FROM crm_local_tickets") >= SENDERS
                && acknowledged.size() >= 200 && (compactor == null || compactor.compactions() >= 3));

        crash();
        if (housekeeping != null) {
            housekeeping.close();
        }
        stop.set(true);
        senders.shutdown();
        assertThat(senders.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        harness = start(Core.Settings.defaults());

        await().atMost(CoreHarness.WAIT).until(() -> harness.store.count("SELECT COUNT(*) FROM sb_interaction WHERE customer_id IS NULL") == 0);
        for (long id : acknowledged) {
            InteractionDetails details = harness.core().interactions().find(id).orElseThrow();
            assertThat(details.interaction().state()).as("interaction %d", id).isEqualTo(InteractionState.QUEUED);
            assertThat(details.conversation().ticket()).as("interaction %d's ticket", id).isNotNull();
        }
        // H2 answers COUNT(*) from the table's size, which would include a row left by a transaction that
        // never committed without being readable: then the counts below would be off by rows nobody reads
        for (String table : List.of("sb_contact", "sb_interaction", "sb_customer", "sb_conversation", "sb_ticket", "crm_local_tickets")) {
            assertThat(harness.store.count("SELECT COUNT(*) FROM " + table)).as("rows of %s counted, against rows read", table)
                    .isEqualTo(harness.store.count("SELECT COUNT(*) FROM (SELECT * FROM " + table + " LIMIT 1000000000)"));
        }
        long contacts = harness.store.count("SELECT COUNT(*) FROM sb_contact");
        assertThat(contacts).isGreaterThanOrEqualTo(acknowledged.size());
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_interaction WHERE state = 'QUEUED'")).isEqualTo(contacts);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_customer")).isEqualTo(contacts);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_conversation")).isEqualTo(contacts);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_ticket")).isEqualTo(contacts);
        assertThat(harness.store.count("SELECT COUNT(*) FROM crm_local_tickets")).isEqualTo(contacts);
        assertThat(harness.store.count("SELECT COUNT(DISTINCT number) FROM crm_local_tickets")).isEqualTo(contacts);
    }
}
