package org.switchboard.api.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.switchboard.api.TicketRef;

/**
 * What a {@link CrmConnector} whose records live in Switchboard's own store (the built-in CRM)
 * offers besides: the same writes, on a connection of the store's transaction that the caller
 * owns. The core opens a new conversation's ticket, and logs the follow-ups to it, in the
 * transaction that processes the contact, instead of through the outbox. The ticket is then
 * committed together with the conversation, or not at all: exactly once without a retry, and one
 * commit instead of three.
 *
 * <p><b>Contract.</b> The connector writes on {@code connection} only and neither commits nor
 * rolls back; the caller does. Each request keeps the idempotency contract of {@link CrmConnector}:
 * a key written before returns what the first write made. A request the connector refuses has a
 * failed outcome and changes nothing; the caller hands it to the outbox, which shows it to
 * operators. A {@link SQLException} fails the caller's whole transaction. Called from one thread
 * per transaction; it may block on the store only.
 */
@ConsumerType
public interface InStoreCrm {

    /**
     * {@link CrmConnector#openTickets} within the caller's transaction.
     *
     * @return one outcome per request, in the order of the requests
     */
    List<CrmOutcome<TicketRef>> openTickets(Connection connection, List<TicketRequest> requests) throws SQLException;

    /**
     * {@link CrmConnector#logActivities} within the caller's transaction.
     *
     * @return one outcome per request, in the order of the requests
     */
    List<CrmOutcome<Void>> logActivities(Connection connection, List<ActivityRequest> requests) throws SQLException;
}
