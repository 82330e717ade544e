package org.switchboard.web.rest;

import java.util.Arrays;
import java.util.Locale;
import org.switchboard.api.InvalidContactException;

/** Query and path parameters as the resources read them; a bad one answers 400 naming it. */
public final class Params {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    private Params() {
    }

    /** {@code limit}: 1 to {@value #MAX_LIMIT}, {@value #DEFAULT_LIMIT} when absent. */
    public static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(raw.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidContactException("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** An optional id such as {@code customer=42}; {@code null} when absent. */
    public static Long optionalId(String name, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return id(name, raw);
    }

    /** A required positive id. */
    public static long id(String name, String raw) {
        try {
            long id = Long.parseLong(raw.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // answered below
        }
        throw new InvalidContactException(name, "must be a positive whole number");
    }

    /** An optional enum constant, matched ignoring case; {@code null} when absent. */
    public static <E extends Enum<E>> E optionalEnum(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return requiredEnum(name, raw, type);
    }

    /** A required enum constant, matched ignoring case. */
    public static <E extends Enum<E>> E requiredEnum(String name, String raw, Class<E> type) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidContactException(name, "is required");
        }
        try {
            return Enum.valueOf(type, raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidContactException(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** A blank optional text is absent. */
    public static String optionalText(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
