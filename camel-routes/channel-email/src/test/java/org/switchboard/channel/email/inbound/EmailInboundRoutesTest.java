package org.switchboard.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.switchboard.channel.email.testing.InboundHarness;
import org.switchboard.channel.email.testing.MailServer;
import org.switchboard.channel.email.testing.Mailboxes;

class EmailInboundRoutesTest {

    @Test
    void theEndpointNeverShowsThePassword() throws Exception {
        try (MailServer server = new MailServer(); DefaultCamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new EmailInboundRoutes(Mailboxes.imap(server), new InboundHarness(Mailboxes.imap(server)).processor()));
            camel.start();
            assertThat(camel.getRoute("email.support.inbound").getEndpoint().getEndpointUri())
                    .doesNotContain(MailServer.PASSWORD).contains("username=RAW(support)");
            assertThat(camel.getRoute("email.support.inbound").getEndpoint().toString()).doesNotContain(MailServer.PASSWORD);
        }
    }
}
