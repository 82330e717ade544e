package org.switchboard.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WidgetFramingTest {

    @Test
    void withoutConfiguredOriginsOnlySwitchboardsOwnPagesFrameTheWidget() {
        assertThat(ConsoleServlet.frameAncestors(new String[0])).isEqualTo("'self'");
    }

    @Test
    void theConfiguredCrmOriginsMayFrameIt() {
        assertThat(ConsoleServlet.frameAncestors(new String[] {"https://crm.example.com", "http://odoo.local:8069"}))
                .isEqualTo("'self' https://crm.example.com http://odoo.local:8069");
        assertThat(ConsoleServlet.frameAncestors(new String[] {"https://a.example, https://b.example"}))
                .isEqualTo("'self' https://a.example https://b.example");
    }

    @Test
    void somethingThatIsNotAnOriginCannotSlipIntoThePolicy() {
        assertThat(ConsoleServlet.frameAncestors(new String[] {"https://crm.example.com; script-src *", "javascript:alert(1)"}))
                .isEqualTo("'self'");
    }
}
