package org.switchboard.channel.email.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.AttachmentRef;
import org.switchboard.api.InboundContact;
import org.switchboard.channel.email.testing.InboundHarness;
import org.switchboard.channel.email.testing.MailServer;
import org.switchboard.channel.email.testing.Mailboxes;
import org.switchboard.channel.email.testing.Mails;

/** What a message brings, through a real IMAP mailbox: attachments, HTML, charsets, size limits. */
class ContentInboundTest {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final MailServer server = new MailServer();
    private InboundHarness harness;

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
        server.close();
    }

    private InboundContact receive(String raw) throws Exception {
        server.deliver(raw);
        harness = new InboundHarness(Mailboxes.imap(server)).start();
        await().atMost(DEADLINE).until(() -> server.seenCount() == 1);
        return harness.ingress.only();
    }

    @Test
    void attachmentsAreStoredAndLinkedAndTheHtmlOriginalIsKept() throws Exception {
        String pdf = Base64.getEncoder().encodeToString("%PDF-1.4 invoice".getBytes(StandardCharsets.US_ASCII));
        InboundContact contact = receive("""
                From: a@customer.example
                Subject: invoice
                Message-ID: <inv@customer.example>
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/html; charset=utf-8

                <p>Invoice <b>attached</b></p>
                --m
                Content-Type: application/pdf
                Content-Disposition: attachment; filename=invoice.pdf
                Content-Transfer-Encoding: base64

                %s
                --m--
                """.formatted(pdf));

        assertThat(contact.body()).isEqualTo("Invoice attached");
        assertThat(contact.attachments()).extracting(AttachmentRef::fileName).containsExactly("invoice.pdf", "message.html");
        AttachmentRef invoice = contact.attachments().get(0);
        assertThat(invoice.contentType()).isEqualTo("application/pdf");
        assertThat(invoice.size()).isEqualTo(16);
        assertThat(new String(harness.store.attachment(invoice.id()).orElseThrow(), StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-1.4 invoice");
        String html = contact.metadata().get(InboundMailProcessor.META_HTML);
        assertThat(html).isEqualTo(contact.attachments().get(1).id());
        assertThat(new String(harness.store.attachment(html).orElseThrow(), StandardCharsets.UTF_8)).contains("<b>attached</b>");
    }

    @Test
    void anOversizedAttachmentIsLeftOutAndNoted() throws Exception {
        String big = Base64.getMimeEncoder().encodeToString(new byte[Math.toIntExact(Mailboxes.LIMITS.maxAttachmentBytes()) + 1]);
        InboundContact contact = receive("""
                From: a@customer.example
                Subject: big
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain

                too big
                --m
                Content-Type: application/zip
                Content-Disposition: attachment; filename=huge.zip
                Content-Transfer-Encoding: base64

                %s
                --m--
                """.formatted(big));
        assertThat(contact.attachments()).isEmpty();
        assertThat(contact.metadata().get(InboundMailProcessor.META_SKIPPED)).startsWith("huge.zip (application/zip)");
    }

    @Test
    void cyrillicMailInKoi8rArrivesReadable() throws Exception {
        InboundContact contact = receive("""
                From: =?KOI8-R?B?6dfBziDwxdTSz9c=?= <ivan@customer.example>
                Subject: =?KOI8-R?B?+sHLwdogzsUg0NLJ26PM?=
                Content-Type: text/plain; charset=KOI8-R
                Content-Transfer-Encoding: quoted-printable

                =E4=CF=C2=D2=D9=CA =C4=C5=CE=D8! =E7=C4=C5 =CD=CF=CA =DA=C1=CB=C1=DA?
                """);
        assertThat(contact.fromName()).isEqualTo("Иван Петров");
        assertThat(contact.subject()).isEqualTo("Заказ не пришёл");
        assertThat(contact.body().strip()).isEqualTo("Добрый день! Где мой заказ?");
    }

    @Test
    void aMessageOverTheSizeLimitIsRejectedWithItsHeadersAndStaysInTheMailbox() throws Exception {
        server.deliver("From: a@customer.example\nSubject: huge\nMessage-ID: <huge@customer.example>\n\n"
                + "x".repeat(Math.toIntExact(Mailboxes.LIMITS.maxMessageBytes())) + "\n");
        server.deliver(Mails.order(2));
        harness = new InboundHarness(Mailboxes.imap(server)).start();

        await().atMost(DEADLINE).until(() -> server.seenCount() == 2);
        assertThat(harness.ingress.externalIds()).containsExactly("order-2@customer.example");
        assertThat(harness.store.rejected(10)).singleElement().satisfies(r -> {
            assertThat(r.sourceId()).isEqualTo("huge@customer.example");
            assertThat(r.error()).contains("more than maxMessageBytes");
        });
        assertThat(server.inbox()).hasSize(2);
    }
}
