package org.switchboard.telephony.callback;

import java.util.regex.Pattern;
import org.switchboard.api.InvalidContactException;

/** Numbers as the PBX dials them: an optional {@code +} and digits; what people type between digits is dropped. */
public final class PhoneNumbers {
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-().\\/]");
    private static final Pattern DIALLABLE = Pattern.compile("\\+?[0-9]{3,20}");

    private PhoneNumbers() {
    }

    /** Whether the PBX could dial this number back (an anonymous caller cannot be). */
    public static boolean isDialable(String number) {
        return number != null && DIALLABLE.matcher(SEPARATORS.matcher(number).replaceAll("")).matches();
    }

    /**
     * The number without separators.
     *
     * @throws InvalidContactException it is not a number the PBX can dial
     */
    public static String dialable(String field, String number) {
        String n = number == null ? "" : SEPARATORS.matcher(number).replaceAll("");
        if (!DIALLABLE.matcher(n).matches()) {
            throw new InvalidContactException(field, "must be a phone number: an optional + and 3 to 20 digits");
        }
        return n;
    }
}
