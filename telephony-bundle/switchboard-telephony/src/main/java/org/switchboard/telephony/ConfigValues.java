package org.switchboard.telephony;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Multi-valued configuration keys. A Karaf {@code .cfg} file holds strings, so {@code a, b} arrives as one
 * element; the typed {@code .config} format and the web console give several. Both are accepted.
 */
public final class ConfigValues {
    private ConfigValues() {
    }

    /** Every comma-separated, trimmed, non-empty value of every element, in order. */
    public static Set<String> split(String[] values) {
        Set<String> result = new LinkedHashSet<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        result.add(part.strip());
                    }
                }
            }
        }
        return result;
    }
}
