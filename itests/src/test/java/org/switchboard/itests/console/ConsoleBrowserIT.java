package org.switchboard.itests.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.switchboard.itests.distribution.SwitchboardInstance;
import org.switchboard.itests.support.Contacts;
import org.switchboard.itests.support.KarafLog;
import org.switchboard.itests.support.SwitchboardClient;

/**
 * The console in Chromium against the unpacked distribution with the demo configuration: alice
 * signs in, a contact posted through the REST API pops on her screen with the customer's name and
 * history, she accepts and replies; bob, signed in meanwhile, receives nothing of hers; sam sees
 * the queues and agents (after alice: a contact waiting while she was away would pop first). Screenshots of both views go to {@code target/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(2);

    private static SwitchboardInstance instance;
    private static String console;

    @BeforeAll
    static void startTheDistribution() {
        Path distribution = Path.of(System.getProperty("switchboard.distribution"));
        Path home = Path.of(System.getProperty("switchboard.itest.work", "target/it-work"), "console", "ConsoleBrowserIT");
        instance = SwitchboardInstance.unpack(distribution, home);
        instance.installDemo();
        instance.start();
        await("GET /health answers 200").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).until(instance::isReady);
        await("POST /contacts is there").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> integration().acceptsContacts());
        await("the event streams are there").atMost(READY_TIMEOUT).pollInterval(Duration.ofMillis(250))
                .until(() -> SwitchboardClient.onPort(instance.httpPort()).get("/agents/me/pops").status() == 401);
        console = instance.console();
    }

    @AfterAll
    static void stopAndCheckTheLog() {
        try {
            instance.stop();
            List<String> errors = new KarafLog(instance.log()).unexpectedErrors(List.<Pattern>of());
            assertThat(errors).as("ERROR lines in " + instance.log()).isEmpty();
        } finally {
            instance.close();
        }
    }

    @Test
    @Order(1)
    void aliceSeesThePopWithTheCustomersNameAndHistoryRepliesAndBobReceivesNoneOfIt() {
        String phone = Contacts.phone(Math.abs(UUID.randomUUID().getMostSignificantBits()));
        try (Browser alice = new Browser(); Browser bob = new Browser()) {
            alice.open(console);
            alice.signIn("alice", "alice");
            alice.choosePresence("AVAILABLE");
            alice.awaitText(By.id("presence-state"), "Available");
            alice.awaitStreamLive();

            // an earlier contact of the same customer, handled and closed: her history
            post(phone, "Invoice 2041 is wrong", "The amount is doubled.");
            alice.click(By.cssSelector(".toast button.primary"));
            alice.find(By.id("disposition")).sendKeys("resolved");
            alice.click(By.id("close"));
            alice.awaitText(By.id("card-empty"), "Waiting for contacts");

            bob.open(console);
            bob.signIn("bob", "bob");
            bob.awaitStreamLive();

            post(phone, "Printer on fire", "It started smoking after the last update.");
            alice.awaitText(By.cssSelector(".toast .title"), "Carla Jones");
            alice.awaitText(By.id("card-name"), "Carla Jones");
            alice.awaitText(By.id("history"), "Invoice 2041 is wrong");
            assertThat(alice.text(By.id("card-addresses"))).contains(phone);
            assertThat(alice.text(By.id("current-body"))).contains("It started smoking");
            assertThat(alice.text(By.id("script"))).contains("Greet the customer by name");

            alice.find(By.tagName("body")).sendKeys(Keys.chord(Keys.ALT, "a"));   // the keyboard way to accept
            alice.awaitText(By.id("card-state"), "Active");
            alice.find(By.id("reply-body")).sendKeys("We are sending a technician today.", Keys.chord(Keys.CONTROL, Keys.ENTER));
            alice.awaitText(By.id("reply-status"), "queued for sending");
            alice.screenshot("agent-view");

            assertThat(bob.count(By.cssSelector("#work-list li"))).as("bob's work list").isZero();
            assertThat(bob.count(By.cssSelector(".toast"))).as("bob's pops").isZero();
            assertThat(bob.text(By.id("card-empty"))).contains("Waiting for contacts");
            bob.screenshot("agent-view-bob");
        }
    }

    @Test
    @Order(2)
    void samSeesQueuesAndAgentsUpdatedByPush() {
        try (Browser sam = new Browser()) {
            sam.open(console);
            sam.signIn("sam", "sam");
            sam.awaitStreamLive();
            sam.await(By.cssSelector("#queues tr[data-queue='support']"));
            sam.await(By.cssSelector("#agents tr[data-agent='alice']"));
            String before = sam.text(By.cssSelector("#queues tr[data-queue='support'] .offered"));

            post(Contacts.phone(Math.abs(UUID.randomUUID().getLeastSignificantBits())), "Where is my parcel?", "Order 77.");

            await("the support queue's offered-today figure pushed").atMost(Browser.WAIT).until(() ->
                    !sam.text(By.cssSelector("#queues tr[data-queue='support'] .offered")).equals(before));
            sam.screenshot("supervisor-view");
        }
    }

    private static void post(String phone, String subject, String body) {
        Map<String, Object> contact = Contacts.fromPhone("console-" + UUID.randomUUID(), phone);
        contact.put("fromName", "Carla Jones");
        contact.put("subject", subject);
        contact.put("body", body);
        contact.put("occurredAt", Instant.now().toString());
        integration().postContact(contact);
    }

    private static SwitchboardClient integration() {
        return SwitchboardClient.onPort(instance.httpPort()).as(Contacts.INTEGRATION, Contacts.INTEGRATION);
    }
}
