package org.switchboard.crm.local.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicketNumbersTest {

    @Test
    void padsTheSequenceValueBehindThePrefix() {
        assertThat(new TicketNumbers("SB-", 6).format(123)).isEqualTo("SB-000123");
        assertThat(new TicketNumbers("HD", 4).format(7)).isEqualTo("HD0007");
    }

    @Test
    void keepsEveryDigitOfANumberLongerThanThePadding() {
        assertThat(new TicketNumbers("SB-", 2).format(12345)).isEqualTo("SB-12345");
    }

    @Test
    void refusesAPrefixThatWouldNeedEscapingInALink() {
        assertThatThrownBy(() -> new TicketNumbers("S/B ", 6)).hasMessageContaining("ticketPrefix");
    }

    @Test
    void refusesAPaddingOutsideOneToEighteen() {
        assertThatThrownBy(() -> new TicketNumbers("SB-", 0)).hasMessageContaining("numberDigits");
    }
}
