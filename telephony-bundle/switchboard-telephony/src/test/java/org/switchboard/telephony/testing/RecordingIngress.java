package org.switchboard.telephony.testing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.switchboard.api.InboundContact;
import org.switchboard.api.Receipt;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.api.spi.StoreUnavailableException;

/** A {@link ContactIngress} that keeps what it accepted, as the core's contract says: once per channel and externalId. */
public final class RecordingIngress implements ContactIngress {
    private final List<InboundContact> accepted = new ArrayList<>();
    private final Map<String, Receipt> receipts = new HashMap<>();
    private int calls;
    private boolean down;

    @Override
    public synchronized Receipt accept(InboundContact contact) {
        calls++;
        if (down) {
            throw new StoreUnavailableException("the store is down", null);
        }
        String key = contact.channel().id() + '|' + contact.externalId();
        Receipt first = receipts.get(key);
        if (first != null) {
            return first.asDuplicate();
        }
        accepted.add(contact);
        Receipt receipt = new Receipt(accepted.size(), accepted.size(), false, Instant.now());
        receipts.put(key, receipt);
        return receipt;
    }

    /** The contacts stored, in order; a contact's interaction id is its position plus one. */
    public synchronized List<InboundContact> accepted() {
        return List.copyOf(accepted);
    }

    /** How often accept was called, duplicates and failures included. */
    public synchronized int calls() {
        return calls;
    }

    /** Makes accept fail as a store outage does, or work again. */
    public synchronized void down(boolean value) {
        down = value;
    }
}
