package org.switchboard.itests.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.switchboard.itests.distribution.SwitchboardInstance;
import org.switchboard.itests.support.Contacts;
import org.switchboard.itests.support.KarafLog;
import org.switchboard.itests.support.SwitchboardClient;

/**
 * The CRM widget in Chromium: a page of another site (a stand-in CRM on {@code localhost}, while
 * Switchboard answers on {@code 127.0.0.1}) includes {@code /switchboard/widget.js}; the agent
 * signs in inside the panel, a contact posted through the REST API pops there with the customer's
 * name and is accepted from it, and a click on the page's {@code tel:} link reaches the panel's
 * click-to-call (which, without the telephony feature, says so).
 */
class WidgetBrowserIT {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private static SwitchboardInstance instance;
    private static HttpServer crm;
    private static String crmPage;

    @BeforeAll
    static void startTheDistributionAndTheCrmPage() throws IOException {
        crm = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        String crmOrigin = "http://localhost:" + crm.getAddress().getPort();
        Path distribution = Path.of(System.getProperty("switchboard.distribution"));
        Path home = Path.of(System.getProperty("switchboard.itest.work", "target/it-work"), "console", "WidgetBrowserIT");
        instance = SwitchboardInstance.unpack(distribution, home);
        instance.installDemo();
        instance.configure("org.switchboard.web", "widgetOrigins", crmOrigin);
        instance.start();
        await("GET /health answers 200").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(instance::isReady);
        await("POST /contacts is there").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> integration().acceptsContacts());

        String page = "<!doctype html><html><head><title>Account: Carla Jones</title></head><body>"
                + "<h1>Carla Jones</h1><p>Phone: <a id='phone' href='tel:+4930901820'>+49 30 901820</a></p>"
                + "<script src='http://127.0.0.1:" + instance.httpPort() + "/switchboard/widget.js' defer></script>"
                + "</body></html>";
        crm.createContext("/account", exchange -> {
            byte[] body = page.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html;charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        crm.start();
        crmPage = crmOrigin + "/account";
    }

    @AfterAll
    static void stopAndCheckTheLog() {
        try {
            crm.stop(0);
            instance.stop();
            List<String> errors = new KarafLog(instance.log()).unexpectedErrors(List.<Pattern>of());
            assertThat(errors).as("ERROR lines in " + instance.log()).isEmpty();
        } finally {
            instance.close();
        }
    }

    @Test
    void theAgentSignsInInsideTheCrmPageGetsThePopThereAndClickToCallReachesThePanel() {
        try (Browser alice = new Browser()) {
            alice.open(crmPage);
            alice.enterFrame(By.id("switchboard-widget"));
            alice.await(By.id("user")).sendKeys("alice");
            alice.find(By.id("password")).sendKeys("alice");
            alice.click(By.cssSelector("#signin button[type=submit]"));
            alice.awaitText(By.id("who"), "Alice");
            alice.select(By.id("presence"), "AVAILABLE");
            alice.await(By.cssSelector("#stream.live"));

            Map<String, Object> contact = Contacts.fromPhone("widget-" + UUID.randomUUID(),
                    Contacts.phone(Math.abs(UUID.randomUUID().getMostSignificantBits())));
            contact.put("fromName", "Carla Jones");
            contact.put("subject", "Router blinks red");
            contact.put("body", "Since this morning.");
            contact.put("occurredAt", Instant.now().toString());
            integration().postContact(contact);

            alice.awaitText(By.cssSelector(".pop .name"), "Carla Jones");
            assertThat(alice.text(By.cssSelector(".pop .subject"))).isEqualTo("Router blinks red");
            alice.click(By.cssSelector(".pop button.accept"));
            alice.awaitText(By.cssSelector(".pop .state"), "active");

            alice.leaveFrame();
            alice.click(By.id("phone"));
            alice.enterFrame(By.id("switchboard-widget"));
            alice.awaitText(By.id("call-status"), "Click-to-call needs the telephony feature.");
            alice.leaveFrame();
            alice.screenshot("widget-in-crm-page");
        }
    }

    private static SwitchboardClient integration() {
        return SwitchboardClient.onPort(instance.httpPort()).as(Contacts.INTEGRATION, Contacts.INTEGRATION);
    }
}
