package org.switchboard.core.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.switchboard.api.Address;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmOutcome;
import org.switchboard.api.spi.CrmMatch;
import org.switchboard.api.spi.TicketRequest;

/**
 * A CRM for tests of the core: it keeps tickets in memory, honours idempotency keys like a real
 * connector must, knows the records it is told about, and fails on demand.
 */
public final class RecordingCrm implements CrmConnector {
    private final String id;
    private final Map<String, TicketRef> ticketsByKey = new ConcurrentHashMap<>();
    private final List<TicketRequest> opened = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<ActivityRequest> logged = java.util.Collections.synchronizedList(new ArrayList<>());
    private final List<String> statusChanges = new CopyOnWriteArrayList<>();
    private final Map<Address, List<CrmMatch>> records = new HashMap<>();
    private final AtomicInteger numbers = new AtomicInteger();
    private final List<CrmException> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final List<Integer> bulkSizes = new CopyOnWriteArrayList<>();

    public RecordingCrm(String id) {
        this.id = id;
    }

    /** The CRM knows a record with this address. */
    public synchronized void knows(Address address, CrmMatch match) {
        records.computeIfAbsent(address, k -> new ArrayList<>()).add(match);
    }

    /** The next calls fail with these, in order. */
    public void failNext(CrmException... next) {
        failures.addAll(List.of(next));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized List<CrmMatch> findCustomers(List<Address> addresses) {
        List<CrmMatch> result = new ArrayList<>();
        addresses.forEach(a -> result.addAll(records.getOrDefault(a, List.of())));
        return result;
    }

    @Override
    public TicketRef openTicket(TicketRequest request) throws CrmException {
        calls.incrementAndGet();
        failIfAsked();
        opened.add(request);
        return ticketsByKey.computeIfAbsent(request.idempotencyKey(), k -> {
            int n = numbers.incrementAndGet();
            return new TicketRef(id, "T" + n, String.format("SB-%06d", n), TicketRef.OPEN, "http://crm.test/tickets/" + n);
        });
    }

    /** Records how many tickets each bulk call carried, then opens them one by one. */
    @Override
    public List<CrmOutcome<TicketRef>> openTickets(List<TicketRequest> requests) {
        bulkSizes.add(requests.size());
        return CrmConnector.super.openTickets(requests);
    }

    /** How many tickets each bulk call carried. */
    public List<Integer> bulkSizes() {
        return List.copyOf(bulkSizes);
    }

    @Override
    public void logActivity(ActivityRequest request) throws CrmException {
        calls.incrementAndGet();
        failIfAsked();
        logged.add(request);
    }

    @Override
    public TicketRef updateTicketStatus(TicketRef ticket, String status, String idempotencyKey) throws CrmException {
        calls.incrementAndGet();
        failIfAsked();
        statusChanges.add(ticket.number() + "=" + status);
        return ticket.withStatus(status);
    }

    private void failIfAsked() throws CrmException {
        if (!failures.isEmpty()) {
            throw failures.remove(0);
        }
    }

    public List<TicketRequest> opened() {
        synchronized (opened) {
            return List.copyOf(opened);
        }
    }

    /** Tickets made, one per idempotency key. */
    public int ticketCount() {
        return ticketsByKey.size();
    }

    public List<ActivityRequest> logged() {
        synchronized (logged) {
            return List.copyOf(logged);
        }
    }

    public List<String> statusChanges() {
        return statusChanges;
    }

    public int calls() {
        return calls.get();
    }
}
