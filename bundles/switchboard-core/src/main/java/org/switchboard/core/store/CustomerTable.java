package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.switchboard.api.Address;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;
import org.switchboard.jdbc.InLists;

/** {@code sb_customer} and its addresses and CRM references: the identity index. */
public final class CustomerTable {
    private static final int IN_CHUNK = 500;

    /** A customer to insert. */
    public record NewCustomer(long id, String displayName, List<Address> addresses, List<CrmRef> crmRefs, Instant at) {
    }

    private CustomerTable() {
    }

    /** The customer each address belongs to, for the addresses that are known. */
    public static Map<Address, Long> findByAddresses(Connection c, Collection<Address> addresses) throws SQLException {
        Map<Address, Long> found = new HashMap<>();
        Map<String, List<String>> byKind = new HashMap<>();
        for (Address a : addresses) {
            byKind.computeIfAbsent(a.kind(), k -> new ArrayList<>()).add(a.value());
        }
        for (Map.Entry<String, List<String>> e : byKind.entrySet()) {
            List<String> values = e.getValue().stream().distinct().toList();
            for (int from = 0; from < values.size(); from += IN_CHUNK) {
                List<String> chunk = InLists.padded(values.subList(from, Math.min(values.size(), from + IN_CHUNK)));
                try (PreparedStatement ps = c.prepareStatement("SELECT address, customer_id FROM sb_customer_address "
                        + "WHERE address IN (" + InLists.placeholders(chunk.size()) + ") AND kind = ?")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        ps.setString(i + 1, chunk.get(i));
                    }
                    ps.setString(chunk.size() + 1, e.getKey());
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            found.put(new Address(e.getKey(), rs.getString(1)), rs.getLong(2));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** The customer who already holds one of these CRM records, if any. */
    public static Optional<Long> findByCrmRef(Connection c, CrmRef ref) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_id FROM sb_customer_crm_ref "
                + "WHERE connector_id = ? AND record_type = ? AND external_id = ?")) {
            ps.setString(1, ref.connectorId());
            ps.setString(2, ref.type());
            ps.setString(3, ref.externalId());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
            }
        }
    }

    public static void insert(Connection c, List<NewCustomer> customers) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sb_customer (id, display_name, created_at, updated_at) VALUES (?,?,?,?)")) {
            for (NewCustomer n : customers) {
                ps.setLong(1, n.id());
                ps.setString(2, Rows.clip(n.displayName(), 200));
                ps.setLong(3, n.at().toEpochMilli());
                ps.setLong(4, n.at().toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        List<Map.Entry<Address, Long>> addresses = new ArrayList<>();
        List<Map.Entry<CrmRef, Long>> refs = new ArrayList<>();
        Map<Long, Instant> times = new HashMap<>();
        for (NewCustomer n : customers) {
            n.addresses().forEach(a -> addresses.add(Map.entry(a, n.id())));
            n.crmRefs().forEach(r -> refs.add(Map.entry(r, n.id())));
            times.put(n.id(), n.at());
        }
        addAddresses(c, addresses, times);
        addCrmRefs(c, refs);
    }

    /** Links more addresses to existing customers. */
    public static void addAddresses(Connection c, List<Map.Entry<Address, Long>> addresses, Map<Long, Instant> at)
            throws SQLException {
        if (addresses.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sb_customer_address (kind, address, customer_id, created_at) VALUES (?,?,?,?)")) {
            for (Map.Entry<Address, Long> e : addresses) {
                ps.setString(1, e.getKey().kind());
                ps.setString(2, e.getKey().value());
                ps.setLong(3, e.getValue());
                ps.setLong(4, at.getOrDefault(e.getValue(), Instant.now()).toEpochMilli());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static void addCrmRefs(Connection c, List<Map.Entry<CrmRef, Long>> refs) throws SQLException {
        if (refs.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sb_customer_crm_ref (connector_id, record_type, external_id, customer_id, url) VALUES (?,?,?,?,?)")) {
            for (Map.Entry<CrmRef, Long> e : refs) {
                ps.setString(1, e.getKey().connectorId());
                ps.setString(2, e.getKey().type());
                ps.setString(3, e.getKey().externalId());
                ps.setLong(4, e.getValue());
                ps.setString(5, e.getKey().url());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** Gives customers without a name the name they wrote with (an email display name, a chat profile). */
    public static void nameIfUnnamed(Connection c, Map<Long, String> names, Instant at) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "UPDATE sb_customer SET display_name = ?, updated_at = ? WHERE id = ? AND display_name IS NULL")) {
            for (Map.Entry<Long, String> e : names.entrySet()) {
                ps.setString(1, Rows.clip(e.getValue(), 200));
                ps.setLong(2, at.toEpochMilli());
                ps.setLong(3, e.getKey());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public static Optional<Customer> find(Connection c, long id) throws SQLException {
        Map<Long, Customer> found = find(c, List.of(id));
        return Optional.ofNullable(found.get(id));
    }

    /** Customers with their addresses and CRM references, by id. */
    public static Map<Long, Customer> find(Connection c, List<Long> ids) throws SQLException {
        Map<Long, Customer> result = new LinkedHashMap<>();
        for (int from = 0; from < ids.size(); from += IN_CHUNK) {
            List<Long> chunk = InLists.padded(ids.subList(from, Math.min(ids.size(), from + IN_CHUNK)));
            String in = InLists.placeholders(chunk.size());
            Map<Long, List<Address>> addresses = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, kind, address FROM sb_customer_address "
                    + "WHERE customer_id IN (" + in + ") ORDER BY created_at, kind, address")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        addresses.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new Address(rs.getString(2), rs.getString(3)));
                    }
                }
            }
            Map<Long, List<CrmRef>> refs = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_id, connector_id, record_type, external_id, url "
                    + "FROM sb_customer_crm_ref WHERE customer_id IN (" + in + ") ORDER BY connector_id, record_type")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        refs.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                                .add(new CrmRef(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT id, display_name, created_at FROM sb_customer WHERE id IN ("
                    + in + ")")) {
                bind(ps, chunk);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        result.put(id, new Customer(id, rs.getString(2), addresses.getOrDefault(id, List.of()),
                                refs.getOrDefault(id, List.of()), Instant.ofEpochMilli(rs.getLong(3))));
                    }
                }
            }
        }
        return result;
    }

    private static void bind(PreparedStatement ps, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            ps.setLong(i + 1, ids.get(i));
        }
    }
}
