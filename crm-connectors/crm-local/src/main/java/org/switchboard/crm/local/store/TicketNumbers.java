package org.switchboard.crm.local.store;

import java.util.regex.Pattern;
import org.switchboard.crm.local.LocalCrmConfig;

/**
 * How ticket numbers are written: a prefix and the ticket counter zero-padded, e.g. {@code SB-000123}.
 *
 * @param prefix up to 16 letters, digits, {@code .}, {@code _} or {@code -}; may be empty
 * @param digits the counter value is zero-padded to this many digits (1 to 18)
 */
public record TicketNumbers(String prefix, int digits) {
    private static final Pattern PREFIX = Pattern.compile("[A-Za-z0-9._-]{0,16}");

    public TicketNumbers {
        prefix = prefix == null ? "" : prefix.strip();
        if (!PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException(
                    "ticketPrefix must be up to 16 letters, digits, '.', '_' or '-', was '" + prefix + "'");
        }
        if (digits < 1 || digits > 18) {
            throw new IllegalArgumentException("numberDigits must be within 1..18, was " + digits);
        }
    }

    public static TicketNumbers of(LocalCrmConfig config) {
        return new TicketNumbers(config.ticketPrefix(), config.numberDigits());
    }

    /** The number for the counter {@code value}, e.g. {@code SB-000042} for 42. */
    public String format(long value) {
        String counter = Long.toString(value);
        return prefix + "0".repeat(Math.max(0, digits - counter.length())) + counter;
    }
}
