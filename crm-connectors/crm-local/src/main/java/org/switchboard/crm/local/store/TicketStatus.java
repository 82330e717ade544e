package org.switchboard.crm.local.store;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.api.TicketRef;

/** The statuses a local ticket can have: {@code open}, {@code pending} and {@code closed}. */
public final class TicketStatus {
    public static final List<String> ALLOWED = List.of(TicketRef.OPEN, TicketRef.PENDING, TicketRef.CLOSED);

    private TicketStatus() {
    }

    /** The status in its stored form (trimmed, lower-case), or empty when it is not one of {@link #ALLOWED}. */
    public static Optional<String> parse(String status) {
        if (status == null) {
            return Optional.empty();
        }
        String normalized = status.strip().toLowerCase(Locale.ROOT);
        return ALLOWED.contains(normalized) ? Optional.of(normalized) : Optional.empty();
    }

    /** {@code open, pending, closed}: for messages that tell what would have been accepted. */
    public static String allowed() {
        return String.join(", ", ALLOWED);
    }
}
