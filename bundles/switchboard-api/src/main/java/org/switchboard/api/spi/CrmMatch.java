package org.switchboard.api.spi;

import java.util.List;
import org.switchboard.api.Address;
import org.switchboard.api.CrmRef;

/**
 * A CRM record that matched a lookup.
 *
 * @param ref         the record
 * @param displayName its name in the CRM, or {@code null}
 * @param addresses   the record's addresses, as far as the CRM gave them
 */
public record CrmMatch(CrmRef ref, String displayName, List<Address> addresses) {
    public CrmMatch {
        if (ref == null) {
            throw new IllegalArgumentException("ref is required");
        }
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
    }
}
