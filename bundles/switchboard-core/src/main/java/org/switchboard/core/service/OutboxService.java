package org.switchboard.core.service;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.switchboard.api.service.Outbox;
import org.switchboard.api.service.OutboxCommand;
import org.switchboard.core.outbox.OutboxDispatcher;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.OutboxTable;

/** {@link Outbox}: what the outbox holds, and retrying what failed. */
public final class OutboxService implements Outbox {
    private static final int MAX_LIST = 1000;

    private final Database database;
    private final Clock clock;
    private final OutboxDispatcher dispatcher;

    public OutboxService(Database database, Clock clock, OutboxDispatcher dispatcher) {
        this.database = database;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    @Override
    public List<OutboxCommand> list(OutboxCommand.State state, int limit) {
        if (state == null) {
            throw new IllegalArgumentException("state is required: PENDING, DONE or FAILED");
        }
        if (limit < 1 || limit > MAX_LIST) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_LIST + ", was " + limit);
        }
        return StoreCalls.read(database, c -> OutboxTable.list(c, state, limit)).stream().map(OutboxTable.Row::view).toList();
    }

    @Override
    public Map<OutboxCommand.State, Long> counts() {
        return StoreCalls.read(database, OutboxTable::counts);
    }

    @Override
    public boolean retry(long id) {
        boolean retried = StoreCalls.write(database, c -> OutboxTable.retry(c, id, clock.instant())) > 0;
        if (retried) {
            dispatcher.wake();
        }
        return retried;
    }

    @Override
    public int retryAllFailed() {
        int retried = StoreCalls.write(database, c -> OutboxTable.retry(c, null, clock.instant()));
        if (retried > 0) {
            dispatcher.wake();
        }
        return retried;
    }
}
