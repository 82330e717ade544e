package org.switchboard.web.customers;

import java.time.Instant;
import java.util.List;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;

/** {@code {"id","displayName","addresses":[…],"crmRefs":[…],"createdAt"}}. */
public record CustomerBody(long id, String displayName, List<AddressBody> addresses, List<CrmRefBody> crmRefs,
                           Instant createdAt) {

    /** A customer's record in a CRM, with the deep link that opens it. */
    public record CrmRefBody(String connectorId, String type, String externalId, String url) {
        static CrmRefBody of(CrmRef ref) {
            return new CrmRefBody(ref.connectorId(), ref.type(), ref.externalId(), ref.url());
        }
    }

    public static CustomerBody of(Customer customer) {
        if (customer == null) {
            return null;
        }
        return new CustomerBody(customer.id(), customer.displayName(),
                customer.addresses().stream().map(AddressBody::of).toList(),
                customer.crmRefs().stream().map(CrmRefBody::of).toList(),
                customer.createdAt());
    }
}
