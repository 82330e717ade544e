package org.switchboard.api;

/**
 * A customer's record in a CRM.
 *
 * @param connectorId the {@link org.switchboard.api.spi.CrmConnector#id() connector}
 * @param type        the record type there, e.g. {@code Contacts}, {@code Leads}, {@code res.partner}
 * @param externalId  the record's id there
 * @param url         a deep link that opens the record in the CRM's UI, or {@code null}
 */
public record CrmRef(String connectorId, String type, String externalId, String url) {
    public CrmRef {
        connectorId = Checks.required("connectorId", connectorId, 64);
        type = Checks.required("type", type, 64);
        externalId = Checks.required("externalId", externalId, 128);
        url = Checks.optional("url", url, 2048);
    }
}
