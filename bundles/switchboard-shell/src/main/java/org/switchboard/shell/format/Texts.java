package org.switchboard.shell.format;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/** Values made fit for one table cell. */
public final class Texts {
    /** What a cell shows for a value that is not there. */
    public static final String NONE = "-";

    private static final Pattern URL_CREDENTIALS = Pattern.compile("([a-zA-Z][a-zA-Z0-9+.-]*://)[^/\\s@]+@");
    private static final Pattern SECRET_SETTING = Pattern.compile(
            "(?i)\\b(password|passwd|pwd|secret|client[_-]?secret|token|access[_-]?token|api[_-]?key)"
                    + "(\"?\\s*[=:]\\s*\"?)[^\\s&\",;]+");
    private static final Pattern AUTHORIZATION = Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+");

    private Texts() {
    }

    /** The value's text, or {@value #NONE} when it is {@code null} or blank. */
    public static String orNone(Object value) {
        if (value == null) {
            return NONE;
        }
        String text = value.toString();
        return text.isBlank() ? NONE : text;
    }

    /** The first line of {@code text}, at most {@code max} characters (cut with an ellipsis). */
    public static String oneLine(String text, int max) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String line = text.strip().lines().findFirst().orElse("").strip();
        return line.length() > max ? line.substring(0, max - 1) + '…' : line;
    }

    /** An instant to the second, in UTC: {@code 2026-11-22T10:00:00Z}. */
    public static String time(Instant instant) {
        return instant == null ? NONE : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /**
     * The text with credentials masked: the user info of URLs, {@code password=…}-like settings and
     * HTTP authorization values. Error messages of CRMs and channels can carry them.
     */
    public static String redacted(String text) {
        if (text == null) {
            return null;
        }
        String masked = URL_CREDENTIALS.matcher(text).replaceAll("$1***@");
        masked = SECRET_SETTING.matcher(masked).replaceAll("$1$2***");
        return AUTHORIZATION.matcher(masked).replaceAll("$1 ***");
    }
}
