package org.switchboard.api;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Validation helpers for the records of this package; messages name the field. */
final class Checks {
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_-]{0,31}");

    private Checks() {
    }

    static String required(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new InvalidContactException(field, "is required");
        }
        return bounded(field, value.strip(), maxLength);
    }

    static String optional(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return bounded(field, value.strip(), maxLength);
    }

    static String bounded(String field, String value, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw new InvalidContactException(field, "is longer than " + maxLength + " characters");
        }
        return value;
    }

    static <T> T notNull(String field, T value) {
        if (value == null) {
            throw new InvalidContactException(field, "is required");
        }
        return value;
    }

    static String id(String field, String value) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new InvalidContactException(field,
                    "must be 1 to 32 characters of a-z, 0-9, '-' or '_', starting with a letter, but was '" + value + "'");
        }
        return value;
    }

    static <T> List<T> list(List<T> value) {
        return value == null ? List.of() : List.copyOf(value);
    }

    static <T> Set<T> set(Set<T> value) {
        return value == null ? Set.of() : Set.copyOf(value);
    }

    static <K, V> Map<K, V> map(Map<K, V> value) {
        return value == null ? Map.of() : Map.copyOf(value);
    }
}
