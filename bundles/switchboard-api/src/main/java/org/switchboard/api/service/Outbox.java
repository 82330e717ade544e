package org.switchboard.api.service;

import java.util.List;
import java.util.Map;
import org.osgi.annotation.versioning.ProviderType;

/** The outbox of CRM and channel writes: see what failed and send it again. */
@ProviderType
public interface Outbox {

    /** Commands in this state, newest first, at most {@code limit}. */
    List<OutboxCommand> list(OutboxCommand.State state, int limit);

    /** How many commands are in each state. */
    Map<OutboxCommand.State, Long> counts();

    /**
     * Puts a FAILED command back to PENDING with a fresh attempt count; it runs at once.
     *
     * @return {@code false} if the command is not FAILED
     */
    boolean retry(long id);

    /** {@link #retry} for every FAILED command; returns how many. */
    int retryAllFailed();
}
