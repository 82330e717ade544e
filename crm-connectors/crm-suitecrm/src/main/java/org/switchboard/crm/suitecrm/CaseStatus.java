package org.switchboard.crm.suitecrm;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.switchboard.api.TicketRef;

/**
 * A Case's {@code state} and {@code status} in SuiteCRM, and Switchboard's words for them:
 * {@code open} (Open_New, Open_Assigned), {@code pending} (Open_Pending Input), {@code closed} (Closed_*).
 */
record CaseStatus(String state, String status) {
    static final List<String> SUITECRM_STATUSES = List.of("Open_New", "Open_Assigned", "Open_Pending Input",
            "Closed_Closed", "Closed_Rejected", "Closed_Duplicate");
    static final CaseStatus NEW = new CaseStatus("Open", "Open_New");

    /**
     * What to write for a requested status: Switchboard's {@code open}, {@code pending}, {@code closed}, or one
     * of SuiteCRM's own statuses; empty for anything else.
     */
    static Optional<CaseStatus> requested(String wanted) {
        String word = wanted == null ? "" : wanted.strip();
        switch (word.toLowerCase(Locale.ROOT)) {
            case TicketRef.OPEN:
                return Optional.of(new CaseStatus("Open", "Open_Assigned"));
            case TicketRef.PENDING:
                return Optional.of(new CaseStatus("Open", "Open_Pending Input"));
            case TicketRef.CLOSED:
                return Optional.of(new CaseStatus("Closed", "Closed_Closed"));
            default:
                return SUITECRM_STATUSES.stream().filter(s -> s.equalsIgnoreCase(word)).findFirst()
                        .map(s -> new CaseStatus(s.startsWith("Closed") ? "Closed" : "Open", s));
        }
    }

    /** Switchboard's word for a Case's state and status as SuiteCRM answered them. */
    static String ticketStatus(String state, String status) {
        if ("Open_Pending Input".equals(status)) {
            return TicketRef.PENDING;
        }
        if ("Closed".equals(state) || status.startsWith("Closed")) {
            return TicketRef.CLOSED;
        }
        if ("Open".equals(state) || status.startsWith("Open") || status.isEmpty()) {
            return TicketRef.OPEN;
        }
        return status;
    }

    static String allowed() {
        return "open, pending, closed or one of " + String.join(", ", SUITECRM_STATUSES);
    }
}
