package org.switchboard.api;

import java.util.Locale;

/**
 * A customer's handle on a channel: a phone number, an email address, a messenger id.
 *
 * <p>Emails are lower-cased here. Phone numbers are brought to E.164 by the core when a contact
 * is accepted (with libphonenumber and the configured default region), so an {@code Address}
 * read back from Switchboard is always normalized; one built by a channel may still hold the
 * number as the source wrote it.
 *
 * @param kind  {@link #PHONE}, {@link #EMAIL} or a messenger's channel id such as {@code telegram}
 * @param value the handle, at most 320 characters
 */
public record Address(String kind, String value) {
    public static final String PHONE = "phone";
    public static final String EMAIL = "email";
    public static final int MAX_LENGTH = 320;

    public Address {
        try {
            Checks.id("kind", kind);
            value = Checks.required("value", value, MAX_LENGTH);
        } catch (InvalidContactException e) {
            throw e.nestedIn("address");
        }
        if (EMAIL.equals(kind)) {
            value = value.toLowerCase(Locale.ROOT);
            int at = value.indexOf('@');
            if (at < 1 || at == value.length() - 1 || value.indexOf('@', at + 1) >= 0 || value.chars().anyMatch(Character::isWhitespace)) {
                throw new InvalidContactException("address.value", "is not an email address");
            }
        }
    }

    public static Address phone(String number) {
        return new Address(PHONE, number);
    }

    public static Address email(String address) {
        return new Address(EMAIL, address);
    }

    /** Parses the {@code kind:value} form that {@link #toString()} writes. */
    public static Address parse(String text) {
        int colon = text == null ? -1 : text.indexOf(':');
        if (colon < 1) {
            throw new InvalidContactException("address", "must be written kind:value, e.g. phone:+4930123456");
        }
        return new Address(text.substring(0, colon).strip().toLowerCase(Locale.ROOT), text.substring(colon + 1));
    }

    public boolean isPhone() {
        return PHONE.equals(kind);
    }

    public boolean isEmail() {
        return EMAIL.equals(kind);
    }

    /** {@code kind:value}; holds personal data, so keep it out of logs above DEBUG. */
    @Override
    public String toString() {
        return kind + ':' + value;
    }
}
