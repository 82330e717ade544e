package org.switchboard.crm.odoo.connector;

import java.util.Collection;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of locks, one per idempotency key's hash: writes with the same key run one after the
 * other (look up, then create), writes with different keys rarely wait for each other. Several keys
 * are locked in the order of their stripes, so two bulk writes never wait for each other in a circle.
 */
final class KeyLocks {
    private static final int STRIPES = 256;

    private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

    KeyLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new ReentrantLock();
        }
    }

    /** Holds the keys' locks until closed. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }

    Held lock(Collection<String> keys) {
        TreeSet<Integer> indices = new TreeSet<>();
        keys.forEach(k -> indices.add(Math.floorMod(k.hashCode(), STRIPES)));
        for (int i : indices) {
            stripes[i].lock();
        }
        return () -> indices.descendingSet().forEach(i -> stripes[i].unlock());
    }
}
