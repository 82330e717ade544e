package org.switchboard.core.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the list and map values of {@code .cfg} files, written either as arrays or as comma lists. */
public final class ConfigValues {
    private ConfigValues() {
    }

    /** {@code ["a", "b,c"]} → {@code [a, b, c]}, blanks dropped. */
    public static List<String> list(String[] values) {
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                if (value == null) {
                    continue;
                }
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        result.add(part.strip());
                    }
                }
            }
        }
        return result;
    }

    /** {@code ["voice:1", "email:5,webchat:3"]} → {@code {voice=1, email=5, webchat=3}}. */
    public static Map<String, Integer> counts(String key, String[] values) {
        Map<String, Integer> result = new LinkedHashMap<>();
        for (String entry : list(values)) {
            int colon = entry.indexOf(':');
            if (colon < 1) {
                throw new IllegalArgumentException(key + ": '" + entry + "' must be written channel:count, e.g. email:5");
            }
            try {
                int count = Integer.parseInt(entry.substring(colon + 1).strip());
                if (count < 0) {
                    throw new NumberFormatException();
                }
                result.put(entry.substring(0, colon).strip(), count);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(key + ": '" + entry + "' needs a whole number of 0 or more after the colon");
            }
        }
        return result;
    }

    /**
     * The id of a factory configuration: the part after {@code ~} of its PID (Karaf names them after
     * the file, {@code etc/org.switchboard.queue~sales.cfg} → {@code sales}), unless {@code id} is set.
     */
    public static String factoryId(String explicit, Map<String, Object> properties) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit.strip();
        }
        Object pid = properties.get("service.pid");
        String text = pid == null ? "" : pid.toString();
        int tilde = text.lastIndexOf('~');
        if (tilde >= 0) {
            return text.substring(tilde + 1);
        }
        int dash = text.lastIndexOf('-');
        return dash >= 0 ? text.substring(dash + 1) : text;
    }
}
