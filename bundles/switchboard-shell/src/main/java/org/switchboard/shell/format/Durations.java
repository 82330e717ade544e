package org.switchboard.shell.format;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them on a console: {@code 45s}, {@code 2m 05s}, {@code 1h 02m}, {@code 3d 04h}. */
public final class Durations {
    private Durations() {
    }

    /** The two largest units of {@code duration}; negative durations (clocks apart) count as zero. */
    public static String human(Duration duration) {
        long seconds = duration == null || duration.isNegative() ? 0 : duration.getSeconds();
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3_600) {
            return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        }
        if (seconds < 86_400) {
            return String.format(Locale.ROOT, "%dh %02dm", seconds / 3_600, seconds % 3_600 / 60);
        }
        return String.format(Locale.ROOT, "%dd %02dh", seconds / 86_400, seconds % 86_400 / 3_600);
    }
}
