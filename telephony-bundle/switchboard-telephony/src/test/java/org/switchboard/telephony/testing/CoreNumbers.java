package org.switchboard.telephony.testing;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.function.UnaryOperator;

/**
 * Numbers written as the core's identity index writes them ({@code Customers.normalize}): E.164 with
 * libphonenumber, read in a default region; what libphonenumber cannot read keeps its form.
 */
public final class CoreNumbers {
    private CoreNumbers() {
    }

    public static UnaryOperator<String> inRegion(String region) {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        return raw -> {
            try {
                PhoneNumber number = phones.parse(raw, region);
                if (phones.isPossibleNumber(number)) {
                    return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
                }
            } catch (NumberParseException e) {
                // kept as written
            }
            return raw;
        };
    }
}
