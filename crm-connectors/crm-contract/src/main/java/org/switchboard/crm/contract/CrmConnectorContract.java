package org.switchboard.crm.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;
import org.switchboard.api.Direction;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityKind;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmMatch;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.api.spi.TicketRequest;

/**
 * What every {@link CrmConnector} must do, whatever CRM it speaks to. A connector's test extends
 * this class and implements the hooks against its backend: a real database, or a stateful fake
 * that speaks the CRM's wire protocol.
 *
 * <p>Before each test the contract asks for {@link #newConnector() a connector on an empty
 * backend}, then {@link #seedCustomer seeds} the customer the requests are about. A backend that
 * keeps no customer records of its own (the local CRM) answers the seeding with
 * {@link Optional#empty()}: the lookup tests that need a record are then skipped, and every lookup
 * must come back empty.
 *
 * <p>What the contract checks: lookups by normalized phone (E.164) and email address, whatever
 * form the CRM stores them in; one ticket per idempotency key, also when attempts race or come
 * back after an outage; status changes; activities logged once per key, on the ticket or on the
 * customer; bulk calls in which a refused request fails alone; deep links; failures classified as
 * {@link CrmException.Disposition#RETRY retry} or {@link CrmException.Disposition#REJECT reject}.
 */
public abstract class CrmConnectorContract {
    /** The seeded customer's phone number the way a person typed it into the CRM. */
    protected static final String STORED_PHONE = "+49 30 901820";
    /** The same number as Switchboard hands it over: E.164. */
    protected static final Address PHONE = Address.phone("+4930901820");
    /** The seeded customer's email address the way it was typed into the CRM. */
    protected static final String STORED_EMAIL = "Ada.Lovelace@Example.org";
    /** The same address as Switchboard hands it over: lower case. */
    protected static final Address EMAIL = Address.email("ada.lovelace@example.org");
    /** A second customer, to show that lookups do not mix records up. */
    protected static final String OTHER_STORED_PHONE = "+44 20 7946 0958";
    protected static final Address OTHER_PHONE = Address.phone("+442079460958");
    protected static final String OTHER_STORED_EMAIL = "charles.babbage@example.org";
    /** An address no record has. */
    protected static final Address UNKNOWN_PHONE = Address.phone("+4989111222333");
    protected static final Address UNKNOWN_EMAIL = Address.email("nobody@example.net");

    protected static final long CUSTOMER_ID = 42;
    protected static final Instant OCCURRED_AT = Instant.parse("2026-11-22T09:30:00Z");

    private final AtomicLong ids = new AtomicLong(100);
    private CrmConnector connector;
    private Customer customer;
    private Optional<CrmRef> customerRef;

    // ---------------------------------------------------------------- hooks

    /** A connector whose backend is empty (no customers, tickets or activities yet). */
    protected abstract CrmConnector newConnector() throws Exception;

    /**
     * Puts a customer record into the backend the way a person would have typed it into the CRM,
     * and returns its reference; {@link Optional#empty()} when the backend keeps no customer records.
     *
     * @param displayName   the record's name
     * @param phoneAsStored a phone number as typed, with spaces and without the E.164 form
     * @param emailAsStored an email address as typed, in mixed case
     */
    protected abstract Optional<CrmRef> seedCustomer(String displayName, String phoneAsStored, String emailAsStored)
            throws Exception;

    /** How many tickets the backend holds. */
    protected abstract long ticketCount() throws Exception;

    /** The texts (bodies) of everything logged on this ticket in the backend, oldest first. */
    protected abstract List<String> activitiesOnTicket(TicketRef ticket) throws Exception;

    /** The texts (bodies) of what was logged for this customer without a ticket, oldest first. */
    protected abstract List<String> activitiesOnCustomer(Customer customer) throws Exception;

    /** Makes the backend unreachable or failing, as in an outage, until {@link #backendUp()}. */
    protected abstract void backendDown() throws Exception;

    /** Ends the outage that {@link #backendDown()} began. */
    protected abstract void backendUp() throws Exception;

    /** The valid request turned into one this connector or its backend refuses for good. */
    protected abstract TicketRequest refusedTicket(TicketRequest valid);

    /** The valid request turned into one this connector or its backend refuses for good. */
    protected abstract ActivityRequest refusedActivity(ActivityRequest valid);

    /** An id in this connector's format that no ticket in the backend has. */
    protected abstract String missingTicketId();

    // ---------------------------------------------------------------- fixture

    @BeforeEach
    void prepareConnectorAndCustomer() throws Exception {
        connector = newConnector();
        customerRef = seedCustomer("Ada Lovelace", STORED_PHONE, STORED_EMAIL);
        customer = new Customer(CUSTOMER_ID, "Ada Lovelace", List.of(PHONE, EMAIL),
                customerRef.map(List::of).orElse(List.of()), Instant.parse("2026-11-01T09:00:00Z"));
    }

    /** The connector under test. */
    protected final CrmConnector connector() {
        return connector;
    }

    /** The customer the requests are about, with the seeded record's reference when there is one. */
    protected final Customer customer() {
        return customer;
    }

    /** A request to open a ticket for a new voice conversation of {@link #customer()}. */
    protected final TicketRequest ticket(String key) {
        long conversation = ids.incrementAndGet();
        return new TicketRequest(key, customer, conversation, conversation * 10, Channel.VOICE,
                "Printer on fire", "Hello,\nthe printer is on fire.", OCCURRED_AT);
    }

    /** A request to log a call on the ticket (or, with {@code null}, on the customer only). */
    protected final ActivityRequest call(String key, TicketRef ticket, String body) {
        return new ActivityRequest(key, ticket, customer, ids.incrementAndGet(), ActivityKind.CALL, Channel.VOICE,
                Direction.INBOUND, "Call about the printer", body, "alice", OCCURRED_AT.plusSeconds(300));
    }

    /** A request to log a messenger message on the ticket (or, with {@code null}, on the customer only). */
    protected final ActivityRequest message(String key, TicketRef ticket, String body) {
        return new ActivityRequest(key, ticket, customer, ids.incrementAndGet(), ActivityKind.MESSAGE,
                Channel.TELEGRAM, Direction.OUTBOUND, "Re: Printer on fire", body, "alice", OCCURRED_AT.plusSeconds(600));
    }

    private void assumeCustomerRecords() {
        assumeTrue(customerRef.isPresent(), "the backend keeps no customer records");
    }

    // ---------------------------------------------------------------- lookups

    @Test
    void findsTheCustomerByPhoneNumberInE164WhateverFormTheCrmStoresIt() throws Exception {
        assumeCustomerRecords();

        List<CrmMatch> matches = connector.findCustomers(List.of(PHONE));

        assertThat(matches).singleElement().satisfies(match -> {
            assertThat(match.ref()).isEqualTo(customerRef.get());
            assertThat(match.displayName()).isEqualTo("Ada Lovelace");
        });
    }

    @Test
    void findsTheCustomerByEmailAddressWhateverItsCaseInTheCrm() throws Exception {
        assumeCustomerRecords();

        List<CrmMatch> matches = connector.findCustomers(List.of(EMAIL));

        assertThat(matches).extracting(CrmMatch::ref).containsExactly(customerRef.get());
    }

    @Test
    void findsARecordOnceWhenSeveralOfItsAddressesMatch() throws Exception {
        assumeCustomerRecords();

        List<CrmMatch> matches = connector.findCustomers(List.of(PHONE, EMAIL));

        assertThat(matches).extracting(CrmMatch::ref).containsExactly(customerRef.get());
    }

    @Test
    void findsOnlyTheRecordTheAddressBelongsTo() throws Exception {
        assumeCustomerRecords();
        CrmRef other = seedCustomer("Charles Babbage", OTHER_STORED_PHONE, OTHER_STORED_EMAIL).orElseThrow();

        assertThat(connector.findCustomers(List.of(OTHER_PHONE))).extracting(CrmMatch::ref).containsExactly(other);
        assertThat(connector.findCustomers(List.of(Address.email(OTHER_STORED_EMAIL))))
                .extracting(CrmMatch::ref).containsExactly(other);
    }

    @Test
    void answersAMatchWithADeepLinkIntoTheCrm() throws Exception {
        assumeCustomerRecords();

        CrmMatch match = connector.findCustomers(List.of(PHONE)).get(0);

        assertThat(match.ref().connectorId()).isEqualTo(connector.id());
        assertThat(match.ref().type()).isNotBlank();
        assertDeepLink(match.ref().url());
    }

    @Test
    void findsNothingForAddressesNoRecordHas() throws Exception {
        assertThat(connector.findCustomers(List.of(UNKNOWN_PHONE, UNKNOWN_EMAIL))).isEmpty();
    }

    @Test
    void findsNothingForNoAddresses() throws Exception {
        assertThat(connector.findCustomers(List.of())).isEmpty();
    }

    // ---------------------------------------------------------------- tickets

    @Test
    void opensATicketThatLinksIntoTheCrm() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        assertThat(ref.connectorId()).isEqualTo(connector.id());
        assertThat(ref.number()).isNotBlank();
        assertThat(ref.status()).isEqualTo(TicketRef.OPEN);
        assertDeepLink(ref.url());
        assertThat(ticketCount()).isEqualTo(1);
    }

    @Test
    void returnsTheFirstTicketWhenTheSameKeyComesAgain() throws Exception {
        TicketRef first = connector.openTicket(ticket("conversation-1"));

        TicketRef again = connector.openTicket(ticket("conversation-1"));

        assertThat(again).isEqualTo(first);
        assertThat(ticketCount()).isEqualTo(1);
    }

    @Test
    void opensOneTicketPerKey() throws Exception {
        TicketRef first = connector.openTicket(ticket("conversation-1"));
        TicketRef second = connector.openTicket(ticket("conversation-2"));

        assertThat(second.externalId()).isNotEqualTo(first.externalId());
        assertThat(second.number()).isNotEqualTo(first.number());
        assertThat(ticketCount()).isEqualTo(2);
    }

    @Test
    void opensOneTicketWhenAttemptsWithTheSameKeyRace() throws Exception {
        int threads = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            Callable<TicketRef> open = () -> {
                start.await();
                return connector.openTicket(ticket("raced-conversation"));
            };
            List<Future<TicketRef>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(open));
            }
            start.countDown();
            List<TicketRef> refs = new ArrayList<>();
            for (Future<TicketRef> result : results) {
                refs.add(result.get(60, TimeUnit.SECONDS));
            }

            assertThat(refs).allMatch(refs.get(0)::equals);
            assertThat(ticketCount()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void asksForARetryDuringAnOutageAndOpensTheTicketOnceAfterIt() throws Exception {
        backendDown();
        assertRetry(() -> connector.openTicket(ticket("conversation-1")));
        assertRetry(() -> connector.openTicket(ticket("conversation-1")));

        backendUp();
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        assertThat(connector.openTicket(ticket("conversation-1"))).isEqualTo(ref);
        assertThat(ticketCount()).isEqualTo(1);
    }

    @Test
    void closesAndReopensATicket() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        TicketRef closed = connector.updateTicketStatus(ref, TicketRef.CLOSED, "status-1");
        TicketRef stillClosed = connector.openTicket(ticket("conversation-1"));
        TicketRef reopened = connector.updateTicketStatus(closed, TicketRef.OPEN, "status-2");

        assertThat(closed).isEqualTo(ref.withStatus(TicketRef.CLOSED));
        assertThat(stillClosed.status()).isEqualTo(TicketRef.CLOSED);
        assertThat(reopened).isEqualTo(ref);
    }

    @Test
    void changesAStatusOncePerKey() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        TicketRef first = connector.updateTicketStatus(ref, TicketRef.PENDING, "status-1");
        TicketRef retried = connector.updateTicketStatus(ref, TicketRef.PENDING, "status-1");

        assertThat(first.status()).isEqualTo(TicketRef.PENDING);
        assertThat(retried).isEqualTo(first);
        assertThat(ticketCount()).isEqualTo(1);
    }

    @Test
    void rejectsAStatusTheCrmDoesNotKnow() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        assertReject(() -> connector.updateTicketStatus(ref, "no-such-status", "status-1"));
    }

    @Test
    void rejectsAStatusChangeOfATicketTheCrmDoesNotHave() {
        TicketRef missing = new TicketRef(connector.id(), missingTicketId(), "404", TicketRef.OPEN, null);

        assertReject(() -> connector.updateTicketStatus(missing, TicketRef.CLOSED, "status-1"));
    }

    // ---------------------------------------------------------------- activities

    @Test
    void logsAnActivityOnItsTicketOncePerKey() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        connector.logActivity(call("call-1", ref, "Asked when the technician comes."));
        connector.logActivity(call("call-1", ref, "Asked when the technician comes."));
        connector.logActivity(message("reply-1", ref, "We are on our way."));

        List<String> logged = activitiesOnTicket(ref);
        assertThat(Collections.frequency(logged, "Asked when the technician comes.")).isEqualTo(1);
        assertThat(Collections.frequency(logged, "We are on our way.")).isEqualTo(1);
        assertThat(logged).containsSubsequence("Asked when the technician comes.", "We are on our way.");
    }

    @Test
    void logsAnActivityWithoutTicketOnTheCustomerOncePerKey() throws Exception {
        connector.logActivity(call("call-1", null, "Asked for opening hours."));
        connector.logActivity(call("call-1", null, "Asked for opening hours."));

        assertThat(activitiesOnCustomer(customer)).containsOnlyOnce("Asked for opening hours.");
    }

    @Test
    void asksForARetryDuringAnOutageAndLogsTheActivityOnceAfterIt() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        backendDown();
        assertRetry(() -> connector.logActivity(call("call-1", ref, "Line dropped.")));
        backendUp();
        connector.logActivity(call("call-1", ref, "Line dropped."));
        connector.logActivity(call("call-1", ref, "Line dropped."));

        assertThat(activitiesOnTicket(ref)).containsOnlyOnce("Line dropped.");
    }

    @Test
    void rejectsAnActivityOnATicketOfAnotherConnector() {
        TicketRef foreign = new TicketRef("another-crm", "abc-123", "C-1", TicketRef.OPEN, null);

        assertReject(() -> connector.logActivity(call("call-1", foreign, "Hello?")));
    }

    @Test
    void rejectsAnActivityOnATicketTheCrmDoesNotHave() {
        TicketRef missing = new TicketRef(connector.id(), missingTicketId(), "404", TicketRef.OPEN, null);

        assertReject(() -> connector.logActivity(call("call-1", missing, "Hello?")));
    }

    // ---------------------------------------------------------------- bulk

    @Test
    void opensABurstOfTicketsInOrderAndOncePerKey() throws Exception {
        TicketRef before = connector.openTicket(ticket("conversation-2"));

        List<CrmOutcome<TicketRef>> outcomes = connector.openTickets(
                List.of(ticket("conversation-1"), ticket("conversation-2"), ticket("conversation-3")));

        assertThat(outcomes).allMatch(CrmOutcome::isSuccess);
        assertThat(outcomes.get(1).value()).isEqualTo(before);
        assertThat(outcomes).extracting(o -> o.value().externalId()).doesNotHaveDuplicates();
        assertThat(ticketCount()).isEqualTo(3);
    }

    @Test
    void aTicketTheCrmRefusesFailsAloneInABurst() throws Exception {
        List<CrmOutcome<TicketRef>> outcomes = connector.openTickets(List.of(ticket("conversation-1"),
                refusedTicket(ticket("conversation-2")), ticket("conversation-3")));

        assertThat(outcomes).extracting(CrmOutcome::isSuccess).containsExactly(true, false, true);
        assertThat(outcomes.get(1).failure().disposition()).isEqualTo(CrmException.Disposition.REJECT);
        assertThat(ticketCount()).isEqualTo(2);
    }

    @Test
    void aBurstOfTicketsDuringAnOutageIsOpenedOnceAfterIt() throws Exception {
        List<TicketRequest> burst = List.of(ticket("conversation-1"), ticket("conversation-2"), ticket("conversation-3"));

        backendDown();
        List<CrmOutcome<TicketRef>> during = connector.openTickets(burst);
        backendUp();
        List<CrmOutcome<TicketRef>> after = connector.openTickets(burst);
        List<CrmOutcome<TicketRef>> again = connector.openTickets(burst);

        assertThat(during).allSatisfy(o -> assertThat(o.failure().isRetryable()).isTrue());
        assertThat(after).allMatch(CrmOutcome::isSuccess);
        assertThat(again).extracting(CrmOutcome::value).isEqualTo(after.stream().map(CrmOutcome::value).toList());
        assertThat(ticketCount()).isEqualTo(3);
    }

    @Test
    void logsABurstOfActivitiesOncePerKey() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));
        connector.logActivity(call("activity-1", ref, "first"));

        List<CrmOutcome<Void>> outcomes = connector.logActivities(List.of(call("activity-1", ref, "first"),
                message("activity-2", ref, "second"), call("activity-3", null, "without ticket")));

        assertThat(outcomes).allMatch(CrmOutcome::isSuccess);
        assertThat(activitiesOnTicket(ref)).containsOnlyOnce("first", "second").doesNotContain("without ticket");
        assertThat(activitiesOnCustomer(customer)).containsOnlyOnce("without ticket");
    }

    @Test
    void anActivityTheCrmRefusesFailsAloneInABurst() throws Exception {
        TicketRef ref = connector.openTicket(ticket("conversation-1"));

        List<CrmOutcome<Void>> outcomes = connector.logActivities(List.of(call("activity-1", ref, "first"),
                refusedActivity(call("activity-2", ref, "refused")), message("activity-3", ref, "third")));

        assertThat(outcomes).extracting(CrmOutcome::isSuccess).containsExactly(true, false, true);
        assertThat(outcomes.get(1).failure().disposition()).isEqualTo(CrmException.Disposition.REJECT);
        assertThat(activitiesOnTicket(ref)).containsOnlyOnce("first", "third").doesNotContain("refused");
    }

    // ---------------------------------------------------------------- assertions

    private static void assertDeepLink(String url) {
        assertThat(url).as("deep link").isNotBlank();
        URI uri = URI.create(url);
        assertThat(uri.isAbsolute()).as("absolute link %s", url).isTrue();
        assertThat(uri.getScheme()).isIn("http", "https");
    }

    protected static void assertRetry(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CrmException.class,
                e -> assertThat(e.disposition()).isEqualTo(CrmException.Disposition.RETRY));
    }

    protected static void assertReject(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CrmException.class,
                e -> assertThat(e.disposition()).isEqualTo(CrmException.Disposition.REJECT));
    }
}
