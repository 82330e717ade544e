package org.switchboard.api;

/**
 * A ticket (case, lead, task) in a CRM.
 *
 * @param connectorId the {@link org.switchboard.api.spi.CrmConnector#id() connector} that keeps it
 * @param externalId  its id there
 * @param number      the number people read and write in subjects, e.g. {@code SB-000123}
 * @param status      its status in that CRM's words ({@link #OPEN}, {@link #PENDING}, {@link #CLOSED} for the built-in one)
 * @param url         a deep link that opens it in the CRM's UI, or {@code null}
 */
public record TicketRef(String connectorId, String externalId, String number, String status, String url) {
    public static final String OPEN = "open";
    public static final String PENDING = "pending";
    public static final String CLOSED = "closed";

    public TicketRef {
        connectorId = Checks.required("connectorId", connectorId, 64);
        externalId = Checks.required("externalId", externalId, 128);
        number = Checks.required("number", number, 64);
        status = Checks.required("status", status, 64);
        url = Checks.optional("url", url, 2048);
    }

    public TicketRef withStatus(String newStatus) {
        return new TicketRef(connectorId, externalId, number, newStatus, url);
    }
}
