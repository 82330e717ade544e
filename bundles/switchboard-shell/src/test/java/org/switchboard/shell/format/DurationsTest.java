package org.switchboard.shell.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void writesTheTwoLargestUnits() {
        assertThat(Durations.human(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Durations.human(Duration.ofSeconds(125))).isEqualTo("2m 05s");
        assertThat(Durations.human(Duration.ofMinutes(62))).isEqualTo("1h 02m");
        assertThat(Durations.human(Duration.ofHours(76))).isEqualTo("3d 04h");
    }

    @Test
    void countsANegativeDurationAsZero() {
        assertThat(Durations.human(Duration.ofSeconds(-3))).isEqualTo("0s");
    }
}
