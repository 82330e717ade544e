package org.switchboard.api.spi;

import java.util.ArrayList;
import java.util.List;
import org.osgi.annotation.versioning.ConsumerType;
import org.switchboard.api.Address;
import org.switchboard.api.TicketRef;

/**
 * A CRM or helpdesk that Switchboard keeps customers and tickets in. Each connector instance
 * (one per configured CRM) registers one service; the core binds them all.
 *
 * <p><b>Contract.</b> Lookups may be called at ring time: the core bounds them with a time
 * budget and caches the answers, so a slow CRM delays the pop's enrichment, never the pop. Writes
 * come from the core's outbox (or, for a connector that is an {@link InStoreCrm} too, from the
 * transaction that processes the contact), one command at a time per conversation, in order; each carries an
 * idempotency key that the connector stores with the record, so that a retry after a timeout
 * returns the record made by the first attempt instead of making a second one. A connector signals
 * failure with {@link CrmException}: {@link CrmException.Disposition#RETRY retry} for passing
 * faults, {@link CrmException.Disposition#REJECT reject} for requests the CRM refuses.
 *
 * <p><b>Bulk.</b> When several commands of one kind are due at once (a burst of new
 * conversations), the outbox hands them over together through {@link #openTickets} and
 * {@link #logActivities}. Their defaults call the single methods one by one; a connector that can
 * write many records in one transaction or one bulk request overrides them. Each request keeps its
 * own contract and its own outcome.
 *
 * <p><b>Threading.</b> Methods may block on I/O and may be called from several threads at once.
 * They must return or throw within the connector's own configured timeout.
 */
@ConsumerType
public interface CrmConnector {

    /** Service property that names the connector, so configurations can refer to it. */
    String ID_PROPERTY = "switchboard.crm.id";

    /** A stable id, e.g. {@code local} or {@code suitecrm-main}; stored in every reference. */
    String id();

    /** Records that match any of these (normalized) addresses; an empty list when none does. */
    List<CrmMatch> findCustomers(List<Address> addresses) throws CrmException;

    /** Opens a ticket for a new conversation, or returns the one opened before for the same key. */
    TicketRef openTicket(TicketRequest request) throws CrmException;

    /** Logs an interaction on the customer's record and, if given, on the ticket; once per key. */
    void logActivity(ActivityRequest request) throws CrmException;

    /**
     * {@link #openTicket} for several requests of different conversations.
     *
     * @return one outcome per request, in the order of the requests
     */
    default List<CrmOutcome<TicketRef>> openTickets(List<TicketRequest> requests) {
        List<CrmOutcome<TicketRef>> outcomes = new ArrayList<>(requests.size());
        for (TicketRequest request : requests) {
            try {
                outcomes.add(CrmOutcome.ok(openTicket(request)));
            } catch (CrmException e) {
                outcomes.add(CrmOutcome.failed(e));
            }
        }
        return outcomes;
    }

    /**
     * {@link #logActivity} for several requests of different conversations.
     *
     * @return one outcome per request, in the order of the requests
     */
    default List<CrmOutcome<Void>> logActivities(List<ActivityRequest> requests) {
        List<CrmOutcome<Void>> outcomes = new ArrayList<>(requests.size());
        for (ActivityRequest request : requests) {
            try {
                logActivity(request);
                outcomes.add(CrmOutcome.ok(null));
            } catch (CrmException e) {
                outcomes.add(CrmOutcome.failed(e));
            }
        }
        return outcomes;
    }

    /**
     * Sets a ticket's status ({@link TicketRef#OPEN}, {@link TicketRef#PENDING},
     * {@link TicketRef#CLOSED} or the CRM's own words) and returns the ticket as it is now.
     */
    TicketRef updateTicketStatus(TicketRef ticket, String status, String idempotencyKey) throws CrmException;
}
