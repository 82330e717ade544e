package org.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QueueTest {

    private final Queue sales = new Queue("sales", "Sales", List.of("sales@acme.example", "+4930555*"),
            Set.of(Channel.EMAIL, Channel.VOICE), Set.of("sales"), 0, null, null);

    @Test
    void matchesAnExactEntryPointIgnoringCase() {
        assertThat(sales.matches(Channel.EMAIL, "Sales@Acme.example")).isTrue();
    }

    @Test
    void matchesAPrefixEntryPoint() {
        assertThat(sales.matches(Channel.VOICE, "+4930555123")).isTrue();
        assertThat(sales.matches(Channel.VOICE, "+4930666123")).isFalse();
    }

    @Test
    void refusesAChannelItDoesNotTake() {
        assertThat(sales.matches(Channel.TELEGRAM, "sales@acme.example")).isFalse();
    }

    @Test
    void withoutEntryPointNothingMatches() {
        assertThat(sales.matches(Channel.EMAIL, null)).isFalse();
    }

    @Test
    void defaultsTheServiceLevelTo80In20() {
        assertThat(sales.serviceLevel()).isEqualTo(ServiceLevel.DEFAULT);
    }
}
