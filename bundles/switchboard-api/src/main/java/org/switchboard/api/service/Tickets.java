package org.switchboard.api.service;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/** Tickets of the connected CRMs, as Switchboard's conversations know them. */
@ProviderType
public interface Tickets {

    /** The ticket with this number ({@code SB-000123}), in any connector. */
    Optional<Ticket> findByNumber(String number);

    /** A customer's tickets, newest first; {@code openOnly} leaves out closed ones. */
    List<Ticket> ofCustomer(long customerId, boolean openOnly);

    /** Newest first, at most {@code limit}; {@code status} filters when not {@code null}. */
    List<Ticket> list(String status, int limit);

    /**
     * Asks the CRM to change the ticket's status. The change goes through the outbox: it survives a
     * CRM outage and shows in the ticket once the CRM confirmed it.
     *
     * @return the outbox command's id
     */
    long changeStatus(String number, String status);
}
