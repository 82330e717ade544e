package org.switchboard.core.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Hands out ids from a database sequence in blocks (the sequences increment by {@value #BLOCK}),
 * so that a batch of inserts costs one sequence call per hundred rows and several nodes sharing
 * one database never hand out the same id. Ids are unique, increasing per node, not gap-free.
 */
public final class IdAllocator {
    /** Must equal the sequences' INCREMENT BY in the changelog. */
    static final int BLOCK = 100;

    private final String sql;
    private long next;
    private long end;

    public IdAllocator(String sequence) {
        this.sql = "SELECT nextval('" + sequence + "')";
    }

    /** The next id; may call the sequence on {@code connection}. */
    public synchronized long next(Connection connection) throws SQLException {
        if (next >= end) {
            try (PreparedStatement ps = connection.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                next = rs.getLong(1);
                end = next + BLOCK;
            }
        }
        return next++;
    }
}
