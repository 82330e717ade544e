package org.switchboard.core.service;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.switchboard.api.NotFoundException;
import org.switchboard.api.service.Ticket;
import org.switchboard.api.service.Tickets;
import org.switchboard.core.outbox.OutboxCommands;
import org.switchboard.core.outbox.OutboxDispatcher;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.IdAllocator;
import org.switchboard.core.store.OutboxTable;
import org.switchboard.core.store.TicketTable;

/** {@link Tickets}: conversations' tickets; status changes go through the outbox. */
public final class TicketsService implements Tickets {
    private static final int MAX_LIST = 1000;

    private final Database database;
    private final Clock clock;
    private final OutboxDispatcher outbox;
    private final IdAllocator outboxIds = new IdAllocator("sb_outbox_seq");

    public TicketsService(Database database, Clock clock, OutboxDispatcher outbox) {
        this.database = database;
        this.clock = clock;
        this.outbox = outbox;
    }

    @Override
    public Optional<Ticket> findByNumber(String number) {
        return StoreCalls.read(database, c -> TicketTable.findByNumber(c, number));
    }

    @Override
    public List<Ticket> ofCustomer(long customerId, boolean openOnly) {
        return StoreCalls.read(database, c -> TicketTable.ofCustomer(c, customerId, openOnly));
    }

    @Override
    public List<Ticket> list(String status, int limit) {
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIST + ", was " + limit);
        }
        return StoreCalls.read(database, c -> TicketTable.list(c, status, limit));
    }

    @Override
    public long changeStatus(String number, String status) {
        if (status == null || status.isBlank()) {
            throw new IllegalArgumentException("status is required");
        }
        Ticket ticket = findByNumber(number).orElseThrow(() -> new NotFoundException("Ticket", number));
        long id = StoreCalls.write(database, c -> OutboxTable.insert(c, outboxIds, List.of(OutboxCommands.updateTicket(
                ticket.ref().connectorId(), ticket.conversationId(), status.strip())), clock.instant()).get(0));
        outbox.wake();
        return id;
    }
}
