package org.switchboard.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Multi-valued keys read the same from a .cfg line and from a typed array. */
class ConfigValuesTest {

    @Test
    void commaSeparatedLineAndArrayGiveTheSameValues() {
        assertThat(ConfigValues.split(new String[] {"from-trunk, from-pstn ,"})).containsExactly("from-trunk", "from-pstn");
        assertThat(ConfigValues.split(new String[] {"from-trunk", " from-pstn"})).containsExactly("from-trunk", "from-pstn");
        assertThat(ConfigValues.split(new String[0])).isEmpty();
    }
}
