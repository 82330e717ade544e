package org.switchboard.jdbc;

import java.util.ArrayList;
import java.util.List;

/**
 * IN lists of a few lengths only. A connection keeps the statements it has parsed by their text
 * (H2's {@code QUERY_CACHE_SIZE}, the PostgreSQL driver's server-side statements), and every length
 * of an IN list is a text of its own: batches of 1 to 500 values made up to 500 statements of one
 * query, which pushed the others out of the cache, were parsed again and again, and made H2 walk
 * every one of them whenever a transaction first changed a table (to forget their cached results).
 * Padded to 8 values, then to powers of two, a query read in chunks of 500 has seven texts.
 */
public final class InLists {
    static final int MIN_LENGTH = 8;

    private InLists() {
    }

    /**
     * The values padded with copies of the last one to the next length of {@code 8, 16, 32, ...};
     * the same list when it has that length already, or is empty. An IN list means the same with the
     * copies.
     */
    public static <T> List<T> padded(List<T> values) {
        int n = values.size();
        int length = Math.max(MIN_LENGTH, n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1);
        if (n == 0 || n == length) {
            return values;
        }
        List<T> padded = new ArrayList<>(length);
        padded.addAll(values);
        T last = values.get(n - 1);
        while (padded.size() < length) {
            padded.add(last);
        }
        return padded;
    }

    /** A placeholder list {@code ?,?,?} for an IN clause of {@code n} values. */
    public static String placeholders(int n) {
        return "?" + ",?".repeat(Math.max(0, n - 1));
    }
}
