package org.switchboard.core.identity;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import org.switchboard.api.Address;

/**
 * Brings addresses to one written form so that the same person is found whatever the channel
 * wrote: phone numbers to E.164 with libphonenumber (numbers without a country code are read in
 * the configured default region), emails lower-cased (done by {@link Address} itself).
 *
 * <p>A phone "number" that is not one ({@code anonymous}, a withheld or garbled caller id) keeps
 * its form and does not {@linkplain #identifies identify} anybody: such contacts each get a
 * customer of their own instead of all landing on one "anonymous" customer.
 */
public final class AddressNormalizer {
    private static final int MIN_DIGITS = 3;

    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
    private final String defaultRegion;

    /** @param defaultRegion ISO 3166 region for numbers written without country code, e.g. {@code DE}; {@code ZZ} for none */
    public AddressNormalizer(String defaultRegion) {
        String region = defaultRegion == null || defaultRegion.isBlank() ? "ZZ" : defaultRegion.strip().toUpperCase(Locale.ROOT);
        if (!"ZZ".equals(region) && !phones.getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("phone.defaultRegion '" + defaultRegion
                    + "' is not an ISO 3166 region code libphonenumber knows (e.g. US, DE, GB, RU)");
        }
        this.defaultRegion = region;
    }

    public String defaultRegion() {
        return defaultRegion;
    }

    public Address normalize(Address address) {
        if (!address.isPhone()) {
            return address;
        }
        String raw = address.value();
        try {
            PhoneNumber number = phones.parse(raw, defaultRegion);
            if (phones.isPossibleNumber(number)) {
                return Address.phone(phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
            }
        } catch (NumberParseException e) {
            // not a number libphonenumber can read: keep it, without the decoration
        }
        String compact = raw.replaceAll("[\\s().\\-/]", "");
        return compact.isEmpty() || compact.equals(raw) ? address : Address.phone(compact);
    }

    /** Whether the (normalized) address can identify a person. */
    public boolean identifies(Address address) {
        if (!address.isPhone()) {
            return true;
        }
        return address.value().chars().filter(Character::isDigit).count() >= MIN_DIGITS;
    }
}
