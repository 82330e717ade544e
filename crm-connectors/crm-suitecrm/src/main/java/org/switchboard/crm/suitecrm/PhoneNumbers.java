package org.switchboard.crm.suitecrm;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/**
 * Phone numbers between Switchboard (E.164) and SuiteCRM, which stores them as people typed them
 * ({@code +7 (916) 555-12-34}, {@code 030 901820}) and compares them as strings.
 *
 * <p>A lookup therefore asks SuiteCRM with a {@code like} pattern that puts {@code %} around every
 * digit of the national number, which matches it whatever separators and prefix were typed, and then
 * keeps only the records whose stored number, read with libphonenumber, is the number looked for.
 */
final class PhoneNumbers {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final String defaultRegion;

    PhoneNumbers(String defaultRegion) {
        if (!"ZZ".equals(defaultRegion) && !PHONES.getSupportedRegions().contains(defaultRegion)) {
            throw new IllegalArgumentException("defaultRegion '" + defaultRegion + "' is not an ISO 3166 region libphonenumber knows");
        }
        this.defaultRegion = defaultRegion;
    }

    /** The SQL {@code like} pattern for an E.164 number, or empty when it is not a phone number. */
    Optional<String> likePattern(String e164) {
        return parse(e164).map(number -> {
            String national = PHONES.getNationalSignificantNumber(number);
            StringBuilder pattern = new StringBuilder("%");
            for (char digit : national.toCharArray()) {
                pattern.append(digit).append('%');
            }
            return pattern.substring(0, pattern.length() - 1);
        });
    }

    /** A stored number in E.164, or empty when libphonenumber cannot read it. */
    Optional<String> e164(String stored) {
        return parse(stored).map(number -> PHONES.format(number, PhoneNumberFormat.E164));
    }

    private Optional<PhoneNumber> parse(String text) {
        if (text == null || text.isBlank() || text.length() > 64) {
            return Optional.empty();
        }
        try {
            return Optional.of(PHONES.parse(text, defaultRegion));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
