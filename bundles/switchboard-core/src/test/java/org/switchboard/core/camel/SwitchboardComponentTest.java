package org.switchboard.core.camel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.api.Address;
import org.switchboard.api.InboundContact;
import org.switchboard.api.InteractionState;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.core.support.CoreHarness;
import org.switchboard.core.support.TestStore;

class SwitchboardComponentTest {
    @TempDir
    Path folder;
    CoreHarness harness;
    CamelContext camel;
    ProducerTemplate template;

    @BeforeEach
    void start() throws Exception {
        harness = new CoreHarness(TestStore.h2(folder), Clock.systemUTC()).start();
        camel = new DefaultCamelContext();
        camel.addComponent(SwitchboardComponent.SCHEME, new SwitchboardComponent(harness.core().ingressService()));
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:slack").routeId("slack.test.inbound").to("switchboard:inbound?channel=slack&entryPoint=%23support");
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() throws Exception {
        camel.close();
        harness.close();
    }

    @Test
    void anIntegratorsRouteHandsAContactToTheCoreWithHeaders() {
        Exchange out = template.request("direct:slack", e -> {
            e.getMessage().setBody("The app crashes on login");
            e.getMessage().setHeaders(Map.of("SwitchboardExternalId", "slack-1700000000.000100", "SwitchboardFrom", "slack:U024BE7LH",
                    "SwitchboardFromName", "Dana", "SwitchboardThreadKey", "C1234"));
        });

        long interactionId = out.getMessage().getHeader("SwitchboardInteractionId", Long.class);
        assertThat(out.getMessage().getHeader("SwitchboardDuplicate", Boolean.class)).isFalse();
        InteractionDetails d = harness.awaitState(interactionId, InteractionState.QUEUED);
        assertThat(d.contact().channel().id()).isEqualTo("slack");
        assertThat(d.contact().entryPoint()).isEqualTo("#support");
        assertThat(d.contact().from()).isEqualTo(new Address("slack", "U024BE7LH"));
        assertThat(d.customer().displayName()).isEqualTo("Dana");
    }

    @Test
    void theSameMessageTwiceIsADuplicate() {
        Map<String, Object> headers = Map.of("SwitchboardExternalId", "slack-2", "SwitchboardFrom", "slack:U1");
        template.sendBodyAndHeaders("direct:slack", "hi", headers);

        Exchange again = template.request("direct:slack", e -> {
            e.getMessage().setBody("hi");
            e.getMessage().setHeaders(headers);
        });

        assertThat(again.getMessage().getHeader("SwitchboardDuplicate", Boolean.class)).isTrue();
    }

    @Test
    void aBodyThatIsAlreadyAContactIsTakenAsItIs() {
        InboundContact contact = InboundContact.builder(org.switchboard.api.Channel.of("viber"), "v-1", Address.phone("+4930999111"))
                .body("hello").build();

        Exchange out = template.request("direct:slack", e -> e.getMessage().setBody(contact));

        long id = out.getMessage().getHeader("SwitchboardInteractionId", Long.class);
        assertThat(harness.awaitState(id, InteractionState.QUEUED).contact().channel().id()).isEqualTo("viber");
    }

    @Test
    void aMessageWithoutItsSourceIdFailsTheExchangeNamingTheHeader() {
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:slack", "hi", "SwitchboardFrom", "slack:U1"))
                .isInstanceOf(CamelExecutionException.class)
                .cause().isInstanceOf(InvalidContactException.class).hasMessage("externalId is required");
    }

    @Test
    void anEndpointWithoutChannelIsRefusedWithAnExample() {
        assertThatThrownBy(() -> camel.getEndpoint("switchboard:inbound"))
                .hasMessageContaining("switchboard:inbound?channel=slack");
    }
}
