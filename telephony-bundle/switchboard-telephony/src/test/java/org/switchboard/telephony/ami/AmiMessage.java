package org.switchboard.telephony.ami;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** One AMI message as lines of {@code Key: value}, in the order they were read. */
public record AmiMessage(List<String> lines) {

    public AmiMessage {
        lines = List.copyOf(lines);
    }

    public static AmiMessage of(String... lines) {
        return new AmiMessage(Arrays.asList(lines));
    }

    /** The first value of a key (keys compare without case), or {@code null}. */
    public String get(String key) {
        String prefix = key.toLowerCase(Locale.ROOT) + ":";
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return line.substring(prefix.length()).strip();
            }
        }
        return null;
    }

    /** A copy with this key's value replaced (or added at the end). */
    public AmiMessage with(String key, String value) {
        List<String> copy = new ArrayList<>();
        boolean replaced = false;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith(key.toLowerCase(Locale.ROOT) + ":")) {
                if (!replaced) {
                    copy.add(key + ": " + value);
                    replaced = true;
                }
            } else {
                copy.add(line);
            }
        }
        if (!replaced) {
            copy.add(key + ": " + value);
        }
        return new AmiMessage(copy);
    }

    /** The event classes of its {@code Privilege} line, without {@code all}. */
    public Set<String> classes() {
        String privilege = get("Privilege");
        Set<String> classes = new LinkedHashSet<>();
        if (privilege != null) {
            for (String c : privilege.split(",")) {
                if (!c.isBlank() && !c.strip().equals("all")) {
                    classes.add(c.strip());
                }
            }
        }
        return classes;
    }

    /** The message as AMI writes it: CRLF after every line and an empty line at the end. */
    public String wire() {
        StringBuilder b = new StringBuilder(lines.size() * 32);
        for (String line : lines) {
            b.append(line).append("\r\n");
        }
        return b.append("\r\n").toString();
    }
}
