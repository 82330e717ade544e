package org.switchboard.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.Agent;
import org.switchboard.api.Channel;
import org.switchboard.api.CrmRef;
import org.switchboard.api.InboundContact;
import org.switchboard.api.InteractionState;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.Presence;
import org.switchboard.api.Receipt;
import org.switchboard.api.ThreadHints;
import org.switchboard.api.TicketRef;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.event.Topics;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmMatch;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.api.spi.InStoreCrm;
import org.switchboard.api.spi.TicketRequest;
import org.switchboard.core.Core;
import org.switchboard.core.service.HealthServiceImpl;
import org.switchboard.core.support.Contacts;
import org.switchboard.core.support.CoreHarness;
import org.switchboard.core.support.RecordedEvents;
import org.switchboard.core.support.TestStore;

/**
 * What every store must do for the pipeline: accept once, process exactly once, identify,
 * thread, queue, open one ticket per conversation. Runs on H2 and on PostgreSQL.
 */
abstract class PipelineContract {
    CoreHarness harness;

    abstract TestStore store() throws Exception;

    @BeforeEach
    void startCore() throws Exception {
        harness = new CoreHarness(store(), Clock.systemUTC()).start();
    }

    @AfterEach
    void stopCore() {
        harness.close();
    }

    /** The defaults, with processing switched off: contacts are stored and wait. */
    private static Core.Settings processingOff() {
        Core.Settings d = Core.Settings.defaults();
        return new Core.Settings(d.defaultRegion(), false, d.processing(), d.outbox(), d.offerTimeout(), d.crmLookupBudget(),
                d.crmLookupTtl());
    }

    private Receipt accept(InboundContact contact) {
        return harness.core().ingress().accept(contact);
    }

    @Test
    void anAcceptedContactBecomesAQueuedInteractionWithACustomerAndATicket() {
        Receipt receipt = accept(Contacts.email("Ann.Lee@Example.org", "Order 42 is late").fromName("Ann Lee").build());

        assertThat(receipt.duplicate()).isFalse();
        InboundContact stored = harness.core().interactions().find(receipt.interactionId()).orElseThrow().contact();
        assertThat(stored.from()).isEqualTo(Address.email("ann.lee@example.org"));
        InteractionDetails d = harness.awaitTicket(receipt.interactionId());
        assertThat(d.interaction().state()).isEqualTo(InteractionState.QUEUED);
        assertThat(d.interaction().queueId()).isEqualTo("default");
        assertThat(d.customer().displayName()).isEqualTo("Ann Lee");
        assertThat(d.customer().addresses()).containsExactly(Address.email("ann.lee@example.org"));
        assertThat(d.conversation().subject()).isEqualTo("Order 42 is late");
        assertThat(d.conversation().ticket().number()).isEqualTo("SB-000001");
        assertThat(harness.crm.opened()).singleElement()
                .satisfies(t -> assertThat(t.description()).isEqualTo("Hello, Order 42 is late"));
    }

    @Test
    void theSameContactTwiceIsOneInteraction() throws SQLException {
        InboundContact contact = Contacts.webhook("+4930123456").build();
        Receipt first = accept(contact);
        Receipt second = accept(contact);

        assertThat(second.duplicate()).isTrue();
        assertThat(second.interactionId()).isEqualTo(first.interactionId());
        assertThat(second.contactId()).isEqualTo(first.contactId());
        harness.awaitTicket(first.interactionId());
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_interaction")).isEqualTo(1);
        assertThat(harness.crm.ticketCount()).isEqualTo(1);
    }

    @Test
    void concurrentCopiesOfOneContactStoreItOnce() throws Exception {
        InboundContact contact = Contacts.webhook("+4930123457").build();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Receipt>> calls = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> accept(contact));
            }
            List<Receipt> receipts = new ArrayList<>();
            for (Future<Receipt> f : pool.invokeAll(calls)) {
                receipts.add(f.get());
            }
            assertThat(receipts).extracting(Receipt::interactionId).containsOnly(receipts.get(0).interactionId());
            assertThat(receipts).filteredOn(r -> !r.duplicate()).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_contact")).isEqualTo(1);
    }

    @Test
    void phoneNumbersAreStoredInE164SoEveryWrittenFormFindsTheSameCustomer() {
        Receipt a = accept(Contacts.webhook("+1 (212) 555-0100").build());
        Receipt b = accept(Contacts.webhook("212-555-0100").build());

        InteractionDetails first = harness.awaitState(a.interactionId(), InteractionState.QUEUED);
        InteractionDetails second = harness.awaitState(b.interactionId(), InteractionState.QUEUED);
        assertThat(first.contact().from()).isEqualTo(Address.phone("+12125550100"));
        assertThat(second.customer().id()).isEqualTo(first.customer().id());
        assertThat(harness.core().customers().findByAddress(Address.phone("(212) 555 0100")))
                .hasValueSatisfying(c -> assertThat(c.id()).isEqualTo(first.customer().id()));
        // plugins that keep numbers of their own write them the same way
        assertThat(harness.core().customers().normalize(Address.phone("(212) 555 0100")))
                .isEqualTo(Address.phone("+12125550100"));
    }

    @Test
    void anonymousCallersAreNotMergedIntoOneCustomer() {
        Receipt a = accept(Contacts.webhook("anonymous").build());
        Receipt b = accept(Contacts.webhook("anonymous").build());

        long first = harness.awaitState(a.interactionId(), InteractionState.QUEUED).customer().id();
        long second = harness.awaitState(b.interactionId(), InteractionState.QUEUED).customer().id();
        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void aReplyThreadsIntoTheConversationItAnswersAndIsLoggedOnItsTicket() {
        InboundContact question = Contacts.email("bob@example.org", "Invoice").build();
        Receipt q = accept(question);
        harness.awaitTicket(q.interactionId());
        Receipt reply = accept(Contacts.email("bob@example.org", "Re: Invoice")
                .thread(new ThreadHints(null, question.externalId(), List.of(question.externalId()))).build());

        InteractionDetails d = harness.awaitState(reply.interactionId(), InteractionState.QUEUED);
        assertThat(d.conversation().id()).isEqualTo(harness.core().interactions().find(q.interactionId()).orElseThrow()
                .conversation().id());
        await().atMost(CoreHarness.WAIT).until(() -> harness.crm.logged().size() == 1);
        assertThat(harness.crm.logged().get(0).interactionId()).isEqualTo(reply.interactionId());
        assertThat(harness.crm.logged().get(0).ticket().number()).isEqualTo("SB-000001");
        assertThat(harness.crm.ticketCount()).isEqualTo(1);
    }

    /** After a restart nothing is cached: the store finds the contact the reply answers by its own id. */
    @Test
    void aReplyToAContactOfAnEarlierRunThreadsIntoItsConversation() throws Exception {
        InboundContact question = Contacts.email("dave@example.org", "Delivery").build();
        Receipt q = accept(question);
        long conversation = harness.awaitTicket(q.interactionId()).conversation().id();
        InboundContact unrelated = Contacts.email("erin@example.org", "Other").build();
        harness.awaitTicket(accept(unrelated).interactionId());
        harness.restart(Core.Settings.defaults());

        Receipt reply = accept(Contacts.email("dave@example.org", "Re: Delivery")
                .thread(new ThreadHints(null, question.externalId(), List.of(unrelated.externalId(), question.externalId())))
                .build());

        assertThat(harness.awaitState(reply.interactionId(), InteractionState.QUEUED).conversation().id()).isEqualTo(conversation);
    }

    @Test
    void aTicketNumberInTheSubjectThreadsIntoThatTicketsConversation() {
        Receipt first = accept(Contacts.email("carol@example.org", "Broken screen").build());
        String number = harness.awaitTicket(first.interactionId()).conversation().ticket().number();
        Receipt later = accept(Contacts.email("carol.other@example.org", "Any news? [" + number + "]").build());

        InteractionDetails d = harness.awaitState(later.interactionId(), InteractionState.QUEUED);
        assertThat(d.conversation().ticket().number()).isEqualTo(number);
    }

    @Test
    void messagesOfOneChatShareAConversation() {
        Receipt a = accept(Contacts.webhook("+4930111222").thread(ThreadHints.key("chat-77")).build());
        Receipt b = accept(Contacts.webhook("+4930111222").thread(ThreadHints.key("chat-77")).build());
        Receipt c = accept(Contacts.webhook("+4930111222").thread(ThreadHints.key("chat-78")).build());

        long conversation = harness.awaitState(a.interactionId(), InteractionState.QUEUED).conversation().id();
        assertThat(harness.awaitState(b.interactionId(), InteractionState.QUEUED).conversation().id()).isEqualTo(conversation);
        assertThat(harness.awaitState(c.interactionId(), InteractionState.QUEUED).conversation().id()).isNotEqualTo(conversation);
    }

    @Test
    void aCustomerTheCrmKnowsGetsItsNameAndRecordAndKeepsItForOtherAddresses() {
        CrmRef record = new CrmRef("local", "Contacts", "c-1", "http://crm.test/contacts/c-1");
        harness.crm.knows(Address.phone("+4930999000"), new CrmMatch(record, "Ivan Petrov", List.of(Address.phone("+4930999000"))));
        harness.crm.knows(Address.email("ivan@example.org"), new CrmMatch(record, "Ivan Petrov", List.of(Address.email("ivan@example.org"))));

        Receipt call = accept(Contacts.webhook("+4930999000").build());
        Receipt mail = accept(Contacts.email("ivan@example.org", "Hello").build());

        InteractionDetails d = harness.awaitState(call.interactionId(), InteractionState.QUEUED);
        assertThat(d.customer().displayName()).isEqualTo("Ivan Petrov");
        assertThat(d.customer().crmRefs()).containsExactly(record);
        assertThat(harness.awaitState(mail.interactionId(), InteractionState.QUEUED).customer().id()).isEqualTo(d.customer().id());
        assertThat(harness.core().customers().find(d.customer().id()).orElseThrow().addresses())
                .containsExactlyInAnyOrder(Address.phone("+4930999000"), Address.email("ivan@example.org"));
    }

    @Test
    void twoAddressesOfOneCrmRecordProcessedTogetherMakeOneCustomer() throws SQLException {
        CrmRef record = new CrmRef("local", "Contacts", "c-2", "http://crm.test/contacts/c-2");
        harness.crm.knows(Address.phone("+4930999111"), new CrmMatch(record, "Olga Smirnova", List.of(Address.phone("+4930999111"))));
        harness.crm.knows(Address.email("olga@example.org"), new CrmMatch(record, "Olga Smirnova", List.of(Address.email("olga@example.org"))));
        harness.restart(processingOff());
        Receipt call = accept(Contacts.webhook("+4930999111").build());
        Receipt mail = accept(Contacts.email("olga@example.org", "Hello").build());

        harness.restart(Core.Settings.defaults()); // both are resumed in one batch

        long customer = harness.awaitState(call.interactionId(), InteractionState.QUEUED).customer().id();
        assertThat(harness.awaitState(mail.interactionId(), InteractionState.QUEUED).customer().id()).isEqualTo(customer);
        assertThat(harness.core().customers().find(customer).orElseThrow().crmRefs()).containsExactly(record);
    }

    @Test
    void aContactThatBreaksARuleIsRefusedAndNothingIsStored() throws SQLException {
        InboundContact.Builder broken = InboundContact.builder(org.switchboard.api.Channel.WEBHOOK, "x", Address.phone("+4930"))
                .metadata("", "value");

        assertThatThrownBy(broken::build).isInstanceOf(InvalidContactException.class);
        assertThatThrownBy(() -> accept(null)).isInstanceOf(InvalidContactException.class);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_contact")).isZero();
    }

    @Test
    void contactsStoredWhileProcessingIsOffAreProcessedAfterTheRestart() throws SQLException {
        harness.restart(processingOff());
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            receipts.add(accept(Contacts.webhook("+49301000" + (100 + i)).build()));
        }
        assertThat(harness.interaction(receipts.get(0).interactionId()).state()).isEqualTo(InteractionState.NEW);

        harness.restart(Core.Settings.defaults());

        for (Receipt r : receipts) {
            harness.awaitTicket(r.interactionId());
        }
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_contact")).isEqualTo(25);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_interaction WHERE customer_id IS NULL")).isZero();
        assertThat(harness.crm.ticketCount()).isEqualTo(25);
    }

    @Test
    void aContactThatCannotBeProcessedIsSetAsideOnceAndTheOthersGoOn() throws SQLException {
        PoisonedCrm poisoned = new PoisonedCrm("poison");
        harness.crms.add(poisoned, 1);
        Core.Settings d = Core.Settings.defaults();
        Core.Settings settings = new Core.Settings(d.defaultRegion(), true, new ProcessingSettings(d.processing().batchSize(),
                List.of(poisoned.id()), d.processing().ticketPattern()), d.outbox(), d.offerTimeout(), d.crmLookupBudget(),
                d.crmLookupTtl());
        harness.restart(processingOff());
        Receipt before = accept(Contacts.webhook("+49303000100").subject("Order 1").build());
        Receipt bad = accept(Contacts.webhook("+49303000101").subject("poison").build());
        Receipt after = accept(Contacts.webhook("+49303000102").subject("Order 2").build());

        harness.restart(settings);

        await().atMost(CoreHarness.WAIT).until(() -> harness.events.on(Topics.CONTACT_FAILED).size() == 1);
        assertThat(harness.awaitState(before.interactionId(), InteractionState.QUEUED).interaction().customerId()).isNotNull();
        assertThat(harness.awaitState(after.interactionId(), InteractionState.QUEUED).interaction().customerId()).isNotNull();
        assertThat(harness.events.on(Topics.CONTACT_FAILED).get(0).properties())
                .containsEntry(EventProperties.INTERACTION_ID, bad.interactionId());
        assertThat(harness.interaction(bad.interactionId()).state()).isEqualTo(InteractionState.NEW);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_contact_failed WHERE contact_id = " + bad.contactId()
                + " AND error LIKE '%refuses%'")).isEqualTo(1);
        assertThat(poisoned.opened()).isEqualTo(2);
        int attempts = poisoned.refused();

        // set aside for an operator: a restart does not take it up again
        harness.restart(settings);
        Receipt next = accept(Contacts.webhook("+49303000103").subject("Order 3").build());
        harness.awaitState(next.interactionId(), InteractionState.QUEUED);
        assertThat(poisoned.refused()).isEqualTo(attempts);
        assertThat(harness.interaction(bad.interactionId()).state()).isEqualTo(InteractionState.NEW);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_contact_failed")).isEqualTo(1);
    }

    /** A built-in CRM that opens tickets, but throws on a contact whose subject is "poison". */
    /** Restarts with {@code crm} as the ticket CRM and one available agent, Cleo, with room for one webhook contact. */
    private void cleoWithRoomForOne(PoisonedCrm crm) throws SQLException {
        harness.crms.add(crm, 1);
        Core.Settings d = Core.Settings.defaults();
        harness.restart(new Core.Settings(d.defaultRegion(), true, new ProcessingSettings(d.processing().batchSize(),
                List.of(crm.id()), d.processing().ticketPattern()), d.outbox(), d.offerTimeout(), d.crmLookupBudget(),
                d.crmLookupTtl()));
        harness.configure(List.of(), List.of(new Agent("cleo", "Cleo Park", "cleo", List.of(), Set.of(),
                Map.of(Channel.WEBHOOK.id(), 1), null)));
        harness.core().agents().setPresence("cleo", Presence.AVAILABLE, null);
    }

    @Test
    void anAgentHeldForAContactThatCannotBeProcessedIsFreeForTheNextOne() throws SQLException {
        // processing reserves Cleo's one place for the first contact, which the CRM then refuses
        PoisonedCrm poisoned = new PoisonedCrm("poison");
        cleoWithRoomForOne(poisoned);

        Receipt bad = accept(Contacts.webhook("+49303000110").subject("poison").build());
        await().atMost(CoreHarness.WAIT).until(() -> harness.events.on(Topics.CONTACT_FAILED).size() == 1);
        Receipt next = accept(Contacts.webhook("+49303000111").subject("Order 4").build());

        assertThat(harness.awaitState(next.interactionId(), InteractionState.OFFERED).interaction().agentId()).isEqualTo("cleo");
        assertThat(harness.interaction(bad.interactionId()).state()).isEqualTo(InteractionState.NEW);
        assertThat(harness.core().agents().find("cleo").orElseThrow().interactions()).containsExactly(next.interactionId());
    }

    @Test
    void anOfferTheAgentSignedOffBeforeItsCommitGoesBackToTheQueue() throws Exception {
        PoisonedCrm crm = new PoisonedCrm("held");
        cleoWithRoomForOne(crm);

        Receipt r = accept(Contacts.webhook("+49303000112").subject("hold").build());
        // the processing transaction is open, Cleo reserved for it
        assertThat(crm.holding.await(CoreHarness.WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        harness.core().agents().setPresence("cleo", Presence.OFFLINE, null);
        crm.proceed.countDown();

        assertThat(harness.awaitState(r.interactionId(), InteractionState.QUEUED).interaction().agentId()).isNull();
        assertThat(harness.core().agents().find("cleo").orElseThrow().interactions()).isEmpty();
        assertThat(harness.core().queues().find("default").orElseThrow().waiting()).isEqualTo(1);
    }

    private static final class PoisonedCrm implements CrmConnector, InStoreCrm {
        private final String id;
        private final AtomicInteger opened = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();
        /** A contact with the subject "hold" keeps its processing transaction open until {@link #proceed}. */
        final CountDownLatch holding = new CountDownLatch(1);
        final CountDownLatch proceed = new CountDownLatch(1);

        PoisonedCrm(String id) {
            this.id = id;
        }

        int opened() {
            return opened.get();
        }

        int refused() {
            return refused.get();
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public List<CrmMatch> findCustomers(List<Address> addresses) {
            return List.of();
        }

        @Override
        public List<CrmOutcome<TicketRef>> openTickets(Connection connection, List<TicketRequest> requests) {
            if (requests.stream().anyMatch(r -> "hold".equals(r.subject()))) {
                holding.countDown();
                try {
                    proceed.await(CoreHarness.WAIT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (requests.stream().anyMatch(r -> "poison".equals(r.subject()))) {
                refused.incrementAndGet();
                throw new IllegalStateException("the CRM refuses this contact");
            }
            List<CrmOutcome<TicketRef>> outcomes = new ArrayList<>();
            for (TicketRequest r : requests) {
                int n = opened.incrementAndGet();
                outcomes.add(CrmOutcome.ok(new TicketRef(id, "T" + n, "P-" + n, "open", null)));
            }
            return outcomes;
        }

        @Override
        public List<CrmOutcome<Void>> logActivities(Connection connection, List<ActivityRequest> requests) {
            return requests.stream().map(r -> CrmOutcome.<Void>ok(null)).toList();
        }

        @Override
        public TicketRef openTicket(TicketRequest request) throws CrmException {
            throw CrmException.reject("in the store only");
        }

        @Override
        public void logActivity(ActivityRequest request) throws CrmException {
            throw CrmException.reject("in the store only");
        }

        @Override
        public TicketRef updateTicketStatus(TicketRef ticket, String status, String idempotencyKey) throws CrmException {
            throw CrmException.reject("in the store only");
        }
    }

    @Test
    void twoNodesResumingOneBacklogProcessEachContactOnce() throws Exception {
        harness.restart(processingOff());
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            // anonymous callers: no address ties two copies of one contact to one customer, so a
            // contact processed twice would show as a second customer and conversation
            receipts.add(accept(Contacts.webhook(i % 2 == 0 ? "anonymous" : "+49302000" + (100 + i)).build()));
        }
        harness.core().close();

        // both nodes start on the same backlog at once
        ExecutorService starting = Executors.newFixedThreadPool(2);
        Core other;
        try {
            Future<Core> second = starting.submit(() -> Core.start(harness.store.dataSource(), Clock.systemUTC(), new RecordedEvents(),
                    Core.Settings.defaults(), harness.crms, harness.senders, new HealthServiceImpl()));
            harness.start(Core.Settings.defaults());
            other = second.get();
        } finally {
            starting.shutdown();
        }
        try {
            await().atMost(CoreHarness.WAIT).until(() -> harness.store.count("SELECT COUNT(*) FROM sb_ticket") >= 300);
            assertThat(harness.store.count("SELECT COUNT(*) FROM sb_interaction WHERE customer_id IS NULL")).isZero();
            assertThat(receipts).allSatisfy(r -> assertThat(harness.interaction(r.interactionId()).state())
                    .isEqualTo(InteractionState.QUEUED));
            assertThat(harness.store.count("SELECT COUNT(*) FROM sb_customer")).isEqualTo(300);
            assertThat(harness.store.count("SELECT COUNT(*) FROM sb_conversation")).isEqualTo(300);
            assertThat(harness.store.count("SELECT COUNT(*) FROM sb_contact_failed")).isZero();
            assertThat(harness.store.count("SELECT COUNT(*) FROM sb_ticket")).isEqualTo(300);
            assertThat(harness.crm.ticketCount()).isEqualTo(300);
        } finally {
            other.close();
        }
    }

    @Test
    void everyStageIsAnnounced() {
        Receipt r = accept(Contacts.webhook("+4930777888").build());
        harness.awaitTicket(r.interactionId());

        await().atMost(CoreHarness.WAIT).untilAsserted(() -> {
            assertThat(harness.events.on(Topics.CONTACT_ACCEPTED)).hasSize(1);
            assertThat(harness.events.on(Topics.CUSTOMER_CREATED)).hasSize(1);
            assertThat(harness.events.on(Topics.interaction(InteractionState.QUEUED))).hasSize(1);
            assertThat(harness.events.on(Topics.TICKET_OPENED)).hasSize(1);
        });
        assertThat(harness.events.on(Topics.interaction(InteractionState.QUEUED)).get(0).properties())
                .containsEntry("interactionId", r.interactionId()).containsEntry("queueId", "default");
    }

    @Test
    void aBurstOfContactsIsProcessedExactlyOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Receipt>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < 2000; i++) {
                int n = i;
                futures.add(pool.submit(() -> accept(Contacts.webhook("+4930200" + (1000 + n % 500)).build())));
            }
            Set<Long> ids = new java.util.HashSet<>();
            for (Future<Receipt> f : futures) {
                ids.add(f.get().interactionId());
            }
            assertThat(ids).hasSize(2000);
        } finally {
            pool.shutdown();
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> harness.store.count("SELECT COUNT(*) FROM sb_ticket") == 2000);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_interaction WHERE state = 'QUEUED'")).isEqualTo(2000);
        assertThat(harness.store.count("SELECT COUNT(*) FROM sb_customer")).isEqualTo(500);
        assertThat(harness.crm.ticketCount()).isEqualTo(2000);
        assertThat(harness.crm.opened()).hasSize(2000);
    }
}
