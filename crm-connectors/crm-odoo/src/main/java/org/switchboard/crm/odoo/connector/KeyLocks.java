package org.switchboard.crm.odoo.connector;

/**
 * A fixed set of monitors, one per idempotency key's hash: writes with the same key run one after
 * the other (look up, then create), writes with different keys rarely wait for each other.
 */
final class KeyLocks {
    private static final int STRIPES = 256;

    private final Object[] stripes = new Object[STRIPES];

    KeyLocks() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Object();
        }
    }

    Object of(String key) {
        return stripes[Math.floorMod(key.hashCode(), STRIPES)];
    }
}
