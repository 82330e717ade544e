package org.switchboard.itests.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.switchboard.itests.console.Browser;
import org.switchboard.itests.support.KarafWithCrm;
import org.switchboard.itests.support.SwitchboardClient;

/**
 * The distribution with the {@code switchboard-channel-email} feature, reading a real IMAP mailbox and
 * answering over real SMTP: GreenMail in this JVM holds the support mailbox (the demo queue
 * {@code support} takes its address as an entry point) and the customer's. A customer's mail becomes a
 * ticket in crm-local, is acknowledged with its number, the agent's reply reaches the customer's
 * mailbox threaded, and the customer's answer to it lands in the same ticket.
 */
class EmailInKarafIT {
    private static final String MAILBOX = "support@example.com";
    private static final String MAILBOX_USER = "support";
    private static final String MAILBOX_PASSWORD = "s3cret)pw";
    private static final String CUSTOMER = "anna@customer.example";
    private static final String CUSTOMER_NAME = "Anna Schmidt";
    private static final String CUSTOMER_USER = "anna";
    private static final String CUSTOMER_PASSWORD = "anna-pw";
    private static final String PID = "org.switchboard.email-support";
    private static final Duration DEADLINE = Duration.ofMinutes(1);

    private GreenMail mail;
    private GreenMailUser support;
    private KarafWithCrm karaf;

    @BeforeEach
    void start() {
        ServerSetup[] servers = {
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_IMAP)};
        for (ServerSetup server : servers) {
            server.setServerStartupTimeout(30_000); // GreenMail's 2 s is too short for a busy CI machine
        }
        mail = new GreenMail(servers);
        mail.start();
        support = mail.setUser(MAILBOX, MAILBOX_USER, MAILBOX_PASSWORD);
        mail.setUser(CUSTOMER, CUSTOMER_USER, CUSTOMER_PASSWORD);
        karaf = KarafWithCrm.unpack(getClass().getSimpleName())
                .withBootFeature("switchboard-channel-email")
                .configure(PID, "name", "support")
                .configure(PID, "address", MAILBOX)
                .configure(PID, "protocol", "imap")
                .configure(PID, "host", "127.0.0.1")
                .configure(PID, "port", Integer.toString(mail.getImap().getPort()))
                .configure(PID, "tls", "false")
                .configure(PID, "user", MAILBOX_USER)
                .configure(PID, "password", MAILBOX_PASSWORD)
                .configure(PID, "pollDelayMillis", "500")
                .configure(PID, "smtpHost", "127.0.0.1")
                .configure(PID, "smtpPort", Integer.toString(mail.getSmtp().getPort()))
                .configure(PID, "smtpSecurity", "none")
                .configure(PID, "timeoutMillis", "5000")
                .configure(PID, "autoAck", "true")
                .ticketsIn("local");
        karaf.start("Mailbox support (");
    }

    @AfterEach
    void stop() {
        try {
            if (karaf != null) {
                karaf.stopAndAssertCleanLog();
            }
        } finally {
            if (karaf != null) {
                karaf.close();
            }
            mail.stop();
        }
    }

    @Test
    void aMailBecomesATicketIsAcknowledgedAndTheAgentsReplyReachesTheCustomerThreaded() throws Exception {
        send("order-4711@customer.example", null, "Order 4711 is late", "Where is my printer? It was due on Monday.");

        // flagged seen only once the core stored the contact: by then its interaction is there
        await("the mail flagged seen").atMost(DEADLINE).until(() -> supportInbox().stream()
                .allMatch(m -> m.isSet(Flags.Flag.SEEN)) && !supportInbox().isEmpty());
        assertThat(interactionOf("order-4711@customer.example")).as("the interaction once the mail is seen").isPresent();

        JsonNode first = await("a ticket in crm-local").atMost(DEADLINE)
                .until(() -> interactionOf("order-4711@customer.example"), i -> i.isPresent()
                        && i.get().path("ticket").path("number").asText("").startsWith("SB-")).orElseThrow();
        String ticket = first.path("ticket").path("number").asText();
        long conversation = first.path("conversation").path("id").asLong();
        long interaction = first.path("id").asLong();
        assertThat(first.path("channel").asText()).isEqualTo("email");
        assertThat(first.path("ticket").path("connectorId").asText()).isEqualTo("local");
        assertThat(first.path("customer").path("displayName").asText()).isEqualTo(CUSTOMER_NAME);
        assertThat(first.path("customer").path("addresses").findValuesAsText("value")).contains(CUSTOMER);
        assertThat(first.path("contact").path("entryPoint").asText()).isEqualTo(MAILBOX);
        assertThat(first.path("contact").path("subject").asText()).isEqualTo("Order 4711 is late");
        assertThat(first.path("queue").asText()).isEqualTo("support");
        SwitchboardClient.Response customer = karaf.admin().get("/customers?address=email:" + CUSTOMER);
        assertThat(customer.status()).as("GET /customers?address=email:%s", CUSTOMER).isEqualTo(200);
        assertThat(customer.json().path("id").asLong()).isEqualTo(first.path("customer").path("id").asLong());
        assertThat(customer.json().path("displayName").asText()).isEqualTo(CUSTOMER_NAME);

        // the acknowledgement, with the ticket number
        List<MimeMessage> received = await("the acknowledgement").atMost(DEADLINE)
                .until(this::customerInbox, inbox -> inbox.size() == 1);
        MimeMessage ack = received.get(0);
        assertThat(ack.getSubject()).isEqualTo("[" + ticket + "] Order 4711 is late");
        assertThat(ack.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(MAILBOX);
        assertThat(ack.getHeader("In-Reply-To", null)).isEqualTo("<order-4711@customer.example>");
        assertThat(ack.getHeader("Auto-Submitted", null)).isEqualTo("auto-replied");
        assertThat((String) ack.getContent()).contains(ticket);

        // alice takes it and answers
        SwitchboardClient alice = karaf.admin().as("alice", "alice");
        assertThat(alice.put("/agents/me/presence", Map.of("presence", "AVAILABLE")).status()).isEqualTo(200);
        karaf.awaitInteraction(interaction, DEADLINE, i -> "OFFERED".equals(i.path("state").asText())
                && "alice".equals(i.path("agent").asText()));
        SwitchboardClient.Response accepted = alice.post("/interactions/" + interaction + "/accept", Map.of());
        assertThat(accepted.status()).as("accept: %s", accepted).isEqualTo(200);
        SwitchboardClient.Response replied = alice.post("/interactions/" + interaction + "/replies",
                Map.of("body", "It ships today; you will have it tomorrow."));
        assertThat(replied.status()).as("reply: %s", replied).isEqualTo(202);

        MimeMessage reply = await("the agent's reply").atMost(DEADLINE)
                .until(this::customerInbox, inbox -> inbox.size() == 2).get(1);
        assertThat(reply.getFrom()).extracting(a -> ((InternetAddress) a).getAddress()).containsExactly(MAILBOX);
        assertThat(reply.getHeader("In-Reply-To", null)).isEqualTo("<order-4711@customer.example>");
        assertThat(reply.getHeader("References", null)).contains("<order-4711@customer.example>");
        assertThat(reply.getSubject()).contains(ticket).contains("Order 4711 is late");
        assertThat(reply.getHeader("Auto-Submitted")).isNull();
        assertThat((String) reply.getContent()).contains("It ships today; you will have it tomorrow.");

        // the customer's client answers it, threaded by the reply's Message-ID only (no ticket number in the subject)
        send("answer-4711@customer.example", reply.getMessageID(), "Re: Order 4711 is late", "Thanks, I will be at home.",
                "receipt.txt", "Paid on 2026-11-20: 129.00 EUR");
        JsonNode answer = await("the answer in the ticket").atMost(DEADLINE)
                .until(() -> interactionOf("answer-4711@customer.example"), i -> i.isPresent()
                        && i.get().path("ticket").path("number").isTextual()).orElseThrow();
        assertThat(answer.path("ticket").path("number").asText()).isEqualTo(ticket);
        assertThat(answer.path("conversation").path("id").asLong()).isEqualTo(conversation);
        assertThat(answer.path("customer").path("id").asLong()).isEqualTo(first.path("customer").path("id").asLong());

        // the agent opens the customer's attachment
        SwitchboardClient.Response attachments = alice.get("/interactions/" + answer.path("id").asLong() + "/attachments");
        assertThat(attachments.status()).as("attachments: %s", attachments).isEqualTo(200);
        assertThat(attachments.json().findValuesAsText("name")).containsExactly("receipt.txt");
        String url = attachments.json().get(0).path("url").asText();
        assertThat(url).startsWith("/switchboard/api/interactions/");
        // the interaction names the file too, and the console links it by its id
        assertThat(answer.path("contact").path("attachments").findValuesAsText("name")).containsExactly("receipt.txt");
        assertThat(url).isEqualTo("/switchboard/api/interactions/" + answer.path("id").asLong() + "/attachments/"
                + answer.path("contact").path("attachments").get(0).path("id").asText());
        SwitchboardClient.Response file = alice.get(url.substring("/switchboard/api".length()));
        assertThat(file.status()).as("the attachment: %s", file).isEqualTo(200);
        assertThat(file.body()).isEqualTo("Paid on 2026-11-20: 129.00 EUR");
        // ... and in the console: the answer is on her work list, and its card links the file as a download
        long answerId = answer.path("id").asLong();
        karaf.awaitInteraction(answerId, DEADLINE, i -> "alice".equals(i.path("agent").asText()));
        try (Browser browser = new Browser()) {
            browser.open(karaf.console());
            browser.signIn("alice", "alice");
            browser.click(By.cssSelector("#work-list li[data-interaction='" + answerId + "']"));
            browser.awaitText(By.id("current-files"), "receipt.txt");
            WebElement link = browser.find(By.cssSelector("#current-files a"));
            assertThat(link.getAttribute("href")).endsWith(url);
            assertThat(link.getAttribute("download")).isEqualTo("receipt.txt");
            assertThat(browser.text(By.id("current-body"))).contains("Thanks, I will be at home.");
            browser.screenshot("agent-view-attachment");
        }
        await("every write done").atMost(DEADLINE).until(() -> karaf.outbox("PENDING").isEmpty());
        assertThat(karaf.outbox("FAILED")).isEmpty();
        // the ticket's log in the built-in CRM: the question, the answer, and alice's reply (outgoing, hers) once
        JsonNode log = alice.get("/local-crm/tickets/" + ticket).json().path("entries");
        assertThat(log).hasSize(3);
        List<JsonNode> outgoing = new ArrayList<>();
        log.forEach(entry -> {
            if ("OUTBOUND".equals(entry.path("direction").asText())) {
                outgoing.add(entry);
            }
        });
        assertThat(outgoing).singleElement().satisfies(logged -> {
            assertThat(logged.path("agentId").asText()).isEqualTo("alice");
            assertThat(logged.path("body").asText()).isEqualTo("It ships today; you will have it tomorrow.");
        });
        assertThat(supportInbox()).as("nothing deleted, everything seen").hasSize(2)
                .allMatch(m -> m.isSet(Flags.Flag.SEEN));
    }

    /** The customer sends a mail to the support mailbox over SMTP, as their mail client does. */
    private void send(String messageId, String inReplyTo, String subject, String body) throws MessagingException {
        send(messageId, inReplyTo, subject, body, null, null);
    }

    private void send(String messageId, String inReplyTo, String subject, String body, String fileName, String fileText)
            throws MessagingException {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(mail.getSmtp().getPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(props)) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + messageId + ">");
            }
        };
        try {
            message.setFrom(new InternetAddress(CUSTOMER, CUSTOMER_NAME));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
        message.setSubject(subject, "UTF-8");
        if (fileName == null) {
            message.setText(body, "UTF-8");
        } else {
            MimeBodyPart text = new MimeBodyPart();
            text.setText(body, "UTF-8");
            MimeBodyPart file = new MimeBodyPart();
            file.setText(fileText, "UTF-8");
            file.setFileName(fileName);
            file.setDisposition(Part.ATTACHMENT);
            message.setContent(new MimeMultipart(text, file));
        }
        if (inReplyTo != null) {
            message.setHeader("In-Reply-To", inReplyTo);
            message.setHeader("References", inReplyTo);
        }
        message.saveChanges();
        Transport.send(message);
    }

    /**
     * The interaction whose contact is the mail {@code messageId}, as the admin sees it. The core
     * creates it when it accepts the contact; the customer, conversation and ticket follow.
     */
    private Optional<JsonNode> interactionOf(String messageId) {
        SwitchboardClient admin = karaf.admin();
        SwitchboardClient.Response list = admin.get("/interactions?channel=email&limit=100");
        assertThat(list.status()).as("GET /interactions: %s", list).isEqualTo(200);
        for (JsonNode item : list.json()) {
            JsonNode details = admin.interaction(item.path("id").asLong());
            if (messageId.equals(details.path("contact").path("externalId").asText())) {
                return Optional.of(details);
            }
        }
        return Optional.empty();
    }

    /** The support mailbox's INBOX on the server, with its flags. */
    private List<StoredMessage> supportInbox() {
        try {
            return mail.getManagers().getImapHostManager().getInbox(support).getMessages();
        } catch (FolderException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The customer's INBOX, read over IMAP as their mail client reads it. */
    private List<MimeMessage> customerInbox() throws MessagingException {
        Session session = Session.getInstance(new Properties());
        Store store = session.getStore("imap");
        store.connect("127.0.0.1", mail.getImap().getPort(), CUSTOMER_USER, CUSTOMER_PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<MimeMessage> messages = new ArrayList<>();
                for (Message m : inbox.getMessages()) {
                    messages.add(new MimeMessage((MimeMessage) m));
                }
                return messages;
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
