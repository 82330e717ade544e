package org.switchboard.api.service;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;
import org.switchboard.api.Address;
import org.switchboard.api.Customer;
import org.switchboard.api.Interaction;

/** Customers and their history across every channel. */
@ProviderType
public interface Customers {

    Optional<Customer> find(long id);

    /** The customer who owns this address; phone numbers are normalized first, so any written form matches. */
    Optional<Customer> findByAddress(Address address);

    /**
     * The address as the identity index writes it: a phone number in E.164 (read in the configured default
     * region when written without country code; what libphonenumber cannot read keeps its form), an email
     * lower-cased. Lets a plugin that keeps numbers of its own (a callback worklist) count every written
     * form of a number as one. This default returns the address unchanged.
     */
    default Address normalize(Address address) {
        return address;
    }

    /** The customer's interactions on every channel, newest first, at most {@code limit}. */
    List<Interaction> history(long customerId, int limit);
}
