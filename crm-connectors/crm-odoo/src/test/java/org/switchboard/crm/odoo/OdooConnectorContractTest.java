package org.switchboard.crm.odoo;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.switchboard.api.CrmRef;
import org.switchboard.api.Customer;
import org.switchboard.api.TicketRef;
import org.switchboard.api.spi.ActivityRequest;
import org.switchboard.api.spi.CrmConnector;
import org.switchboard.api.spi.TicketRequest;
import org.switchboard.crm.contract.CrmConnectorContract;
import org.switchboard.crm.odoo.connector.OdooConnector;
import org.switchboard.crm.odoo.fake.FakeOdoo;

/** The Odoo connector against the fake Odoo 17 passes the contract every connector must pass. */
class OdooConnectorContractTest extends CrmConnectorContract {
    private static final Pattern PARAGRAPH = Pattern.compile("<p>(.*?)</p>", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeOdoo odoo = new FakeOdoo();

    @RegisterExtension
    final WireMockExtension wire = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().containerThreads(40).extensions(odoo)).build();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Override
    protected CrmConnector newConnector() {
        wire.stubFor(post(urlEqualTo("/jsonrpc")).willReturn(aResponse().withTransformers(FakeOdoo.NAME)));
        return new OdooConnector(new TestSettings(wire.baseUrl()).build(), http, Clock.systemUTC());
    }

    @Override
    protected Optional<CrmRef> seedCustomer(String displayName, String phoneAsStored, String emailAsStored) {
        long id = odoo.insert("res.partner", JSON.createObjectNode().put("name", displayName).put("phone", phoneAsStored)
                .put("email", emailAsStored).put("is_company", false).put("active", true));
        return Optional.of(new CrmRef("odoo", "res.partner", Long.toString(id),
                "https://erp.example.com/web#id=" + id + "&model=res.partner&view_type=form"));
    }

    @Override
    protected long ticketCount() {
        return odoo.records("crm.lead").size();
    }

    @Override
    protected List<String> activitiesOnTicket(TicketRef ticket) {
        return texts(odoo.messages("crm.lead", Long.parseLong(ticket.externalId().substring("crm.lead,".length()))));
    }

    @Override
    protected List<String> activitiesOnCustomer(Customer customer) {
        CrmRef partner = customer.crmRefs().get(0);
        return texts(odoo.messages(partner.type(), Long.parseLong(partner.externalId())));
    }

    /** The interaction's text in each note: the paragraph after the heading and the subject. */
    private static List<String> texts(List<ObjectNode> messages) {
        List<String> texts = new ArrayList<>();
        for (ObjectNode m : messages) {
            List<String> paragraphs = new ArrayList<>();
            Matcher p = PARAGRAPH.matcher(m.path("body").asText());
            while (p.find()) {
                paragraphs.add(p.group(1));
            }
            texts.add(paragraphs.get(2).replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                    .replace("&quot;", "\"").replace("&amp;", "&"));
        }
        return texts;
    }

    @Override
    protected void backendDown() {
        odoo.outage(FakeOdoo.Outage.UNAVAILABLE);
    }

    @Override
    protected void backendUp() {
        odoo.outage(FakeOdoo.Outage.NONE);
    }

    /** A customer whose partner was deleted in Odoo: the lead's partner_id refers to nothing. */
    @Override
    protected TicketRequest refusedTicket(TicketRequest valid) {
        Customer c = valid.customer();
        Customer gone = new Customer(c.id(), c.displayName(), c.addresses(),
                List.of(new CrmRef("odoo", "res.partner", "999999", null)), c.createdAt());
        return new TicketRequest(valid.idempotencyKey(), gone, valid.conversationId(), valid.interactionId(),
                valid.channel(), valid.subject(), valid.description(), valid.occurredAt());
    }

    /** An interaction on a lead that was deleted in Odoo. */
    @Override
    protected ActivityRequest refusedActivity(ActivityRequest valid) {
        return new ActivityRequest(valid.idempotencyKey(),
                new TicketRef("odoo", missingTicketId(), "ODOO-999999", TicketRef.OPEN, null), valid.customer(),
                valid.interactionId(), valid.kind(), valid.channel(), valid.direction(), valid.subject(), valid.body(),
                valid.agentId(), valid.occurredAt());
    }

    @Override
    protected String missingTicketId() {
        return "crm.lead,999999";
    }
}
