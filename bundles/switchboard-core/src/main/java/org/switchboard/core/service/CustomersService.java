package org.switchboard.core.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.Address;
import org.switchboard.api.Customer;
import org.switchboard.api.Interaction;
import org.switchboard.api.service.Customers;
import org.switchboard.core.identity.AddressNormalizer;
import org.switchboard.core.store.CustomerTable;
import org.switchboard.core.store.Database;
import org.switchboard.core.store.InteractionTable;

/** {@link Customers}, read from the identity index. */
public final class CustomersService implements Customers {
    private static final int MAX_HISTORY = 1000;

    private final Database database;
    private final AddressNormalizer normalizer;

    public CustomersService(Database database, AddressNormalizer normalizer) {
        this.database = database;
        this.normalizer = normalizer;
    }

    @Override
    public Optional<Customer> find(long id) {
        return StoreCalls.read(database, c -> CustomerTable.find(c, id));
    }

    @Override
    public Optional<Customer> findByAddress(Address address) {
        Address normalized = normalizer.normalize(address);
        return StoreCalls.read(database, c -> {
            Map<Address, Long> found = CustomerTable.findByAddresses(c, List.of(normalized));
            Long id = found.get(normalized);
            return id == null ? Optional.empty() : CustomerTable.find(c, id);
        });
    }

    @Override
    public Address normalize(Address address) {
        return normalizer.normalize(address);
    }

    @Override
    public List<Interaction> history(long customerId, int limit) {
        if (limit < 1 || limit > MAX_HISTORY) {
            throw new IllegalArgumentException("limit must be within 1.." + MAX_HISTORY + ", was " + limit);
        }
        return StoreCalls.read(database, c -> InteractionTable.history(c, customerId, limit));
    }
}
