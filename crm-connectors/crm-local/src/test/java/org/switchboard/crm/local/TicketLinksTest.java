package org.switchboard.crm.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TicketLinksTest {

    @Test
    void linksToTheTicketResourceBelowThePublicUrl() {
        assertThat(new TicketLinks("https://support.example.org/").ticket("SB-000123"))
                .isEqualTo("https://support.example.org/switchboard/api/local-crm/tickets/SB-000123");
    }

    @Test
    void refusesAPublicUrlThatIsNotHttp() {
        assertThatThrownBy(() -> new TicketLinks("support.example.org")).hasMessageContaining("publicUrl");
    }
}
