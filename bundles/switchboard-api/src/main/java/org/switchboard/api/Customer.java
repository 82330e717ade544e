package org.switchboard.api;

import java.time.Instant;
import java.util.List;

/**
 * One person across every channel.
 *
 * @param id          Switchboard's id
 * @param displayName the best name known, or {@code null}
 * @param addresses   every known address, normalized
 * @param crmRefs     the records that stand for this person in the connected CRMs
 * @param createdAt   when Switchboard first saw them
 */
public record Customer(long id, String displayName, List<Address> addresses, List<CrmRef> crmRefs, Instant createdAt) {
    public Customer {
        addresses = Checks.list(addresses);
        crmRefs = Checks.list(crmRefs);
        Checks.notNull("createdAt", createdAt);
    }

    /** The display name, or the first address when there is no name. */
    public String label() {
        if (displayName != null) {
            return displayName;
        }
        return addresses.isEmpty() ? "#" + id : addresses.get(0).value();
    }
}
