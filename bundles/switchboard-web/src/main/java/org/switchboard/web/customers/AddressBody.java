package org.switchboard.web.customers;

import org.switchboard.api.Address;

/** {@code {"kind":"phone","value":"+4930…"}}. */
public record AddressBody(String kind, String value) {

    public static AddressBody of(Address address) {
        return address == null ? null : new AddressBody(address.kind(), address.value());
    }
}
