package org.switchboard.channel.email.mime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.switchboard.channel.email.Mailbox;

class MimeParserTest {
    private final MimeParser parser = new MimeParser(new Mailbox.Limits(1_000_000, 1000, 1500));

    private ParsedMail parse(String raw) throws MalformedMailException {
        return parse(raw, StandardCharsets.ISO_8859_1);
    }

    private ParsedMail parse(String raw, Charset bodyBytes) throws MalformedMailException {
        return parser.parse(raw.replace("\n", "\r\n").getBytes(bodyBytes));
    }

    @Test
    void readsSenderSubjectIdsAndDate() throws Exception {
        ParsedMail mail = parse("""
                From: "Anna Schmidt" <Anna@Customer.Example>
                Subject: Order late
                Message-ID: <abc@customer.example>
                Date: Sun, 22 Nov 2026 10:00:00 +0100
                In-Reply-To: <sb.1@example.com>
                References: <first@customer.example> <sb.1@example.com>

                Hello
                """);
        assertThat(mail.from()).isEqualTo("anna@customer.example");
        assertThat(mail.fromName()).isEqualTo("Anna Schmidt");
        assertThat(mail.subject()).isEqualTo("Order late");
        assertThat(mail.messageId()).isEqualTo("abc@customer.example");
        assertThat(mail.inReplyTo()).isEqualTo("sb.1@example.com");
        assertThat(mail.references()).containsExactly("first@customer.example", "sb.1@example.com");
        assertThat(mail.sentAt()).isEqualTo(Instant.parse("2026-11-22T09:00:00Z"));
        assertThat(mail.text()).isEqualTo("Hello\r\n");
        assertThat(mail.automation()).isNull();
    }

    @Test
    void decodesKoi8rHeadersAndBody() throws Exception {
        ParsedMail mail = parse("""
                From: =?KOI8-R?B?6dfBziDwxdTSz9c=?= <ivan@customer.example>
                Subject: =?KOI8-R?B?+sHLwdogzsUg0NLJ26PM?=
                MIME-Version: 1.0
                Content-Type: text/plain; charset=KOI8-R
                Content-Transfer-Encoding: quoted-printable

                =E4=CF=C2=D2=D9=CA =C4=C5=CE=D8! =E7=C4=C5 =CD=CF=CA =DA=C1=CB=C1=DA?
                """);
        assertThat(mail.fromName()).isEqualTo("Иван Петров");
        assertThat(mail.subject()).isEqualTo("Заказ не пришёл");
        assertThat(mail.text().strip()).isEqualTo("Добрый день! Где мой заказ?");
    }

    @Test
    void decodesWindows1251HeadersBodyAndFileNames() throws Exception {
        ParsedMail mail = parse("""
                From: =?windows-1251?B?yOLg7SDP5fLw7uI=?= <ivan@customer.example>
                Subject: =?windows-1251?Q?=C7=E0=EA=E0=E7_=ED=E5_=EF=F0=E8=F8=B8=EB?=
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=windows-1251
                Content-Transfer-Encoding: base64

                xO7h8PvpIOTl7fwhIMPk5SDs7ukg5+Dq4Oc/
                --b1
                Content-Type: application/pdf; name="=?windows-1251?B?8fe48i5wZGY=?="
                Content-Disposition: attachment; filename="=?windows-1251?B?8fe48i5wZGY=?="
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --b1--
                """);
        assertThat(mail.fromName()).isEqualTo("Иван Петров");
        assertThat(mail.subject()).isEqualTo("Заказ не пришёл");
        assertThat(mail.text()).isEqualTo("Добрый день! Где мой заказ?");
        assertThat(mail.attachments()).singleElement().satisfies(a -> {
            assertThat(a.fileName()).isEqualTo("счёт.pdf");
            assertThat(a.contentType()).isEqualTo("application/pdf");
            assertThat(new String(a.content(), StandardCharsets.US_ASCII)).isEqualTo("%PDF-1.4\n");
        });
    }

    @Test
    void readsAnUnlabelledEightBitBodyAsUtf8() throws Exception {
        ParsedMail mail = parse("From: a@b.example\nSubject: x\n\nГрüße\n", StandardCharsets.UTF_8);
        assertThat(mail.text().strip()).isEqualTo("Грüße");
    }

    @Test
    void anUnknownCharsetStillGivesText() throws Exception {
        ParsedMail mail = parse("From: a@b.example\nContent-Type: text/plain; charset=x-unknown-42\n\nplain words\n");
        assertThat(mail.text().strip()).isEqualTo("plain words");
    }

    @Test
    void prefersThePlainPartAndKeepsTheHtmlOriginal() throws Exception {
        ParsedMail mail = parse("""
                From: a@b.example
                Content-Type: multipart/alternative; boundary=alt

                --alt
                Content-Type: text/plain; charset=utf-8

                plain version
                --alt
                Content-Type: text/html; charset=utf-8

                <p>html <b>version</b></p>
                --alt--
                """);
        assertThat(mail.text().strip()).isEqualTo("plain version");
        assertThat(mail.html()).contains("<b>version</b>");
        assertThat(mail.attachments()).isEmpty();
    }

    @Test
    void anHtmlOnlyMessageIsReducedToSafeText() throws Exception {
        ParsedMail mail = parse("""
                From: a@b.example
                Content-Type: text/html; charset=utf-8

                <html><head><style>p{color:red}</style><script>alert('x')</script></head>
                <body><p>Hello &amp; welcome</p><p>Line<br>two <a href="https://shop.example/o/1">order</a></p>
                <img src="x" onerror="alert(1)"></body></html>
                """);
        assertThat(mail.text()).isEqualTo("Hello & welcome\nLine\ntwo order <https://shop.example/o/1>");
        assertThat(mail.html()).contains("<script>");
    }

    @Test
    void attachmentsBeyondTheLimitsAreSkippedAndNamed() throws Exception {
        String small = Base64.getEncoder().encodeToString(new byte[800]);
        String big = Base64.getEncoder().encodeToString(new byte[1200]);
        ParsedMail mail = parse("""
                From: a@b.example
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain

                see attached
                --m
                Content-Type: application/octet-stream
                Content-Disposition: attachment; filename=big.bin
                Content-Transfer-Encoding: base64

                %s
                --m
                Content-Type: image/png
                Content-Disposition: attachment; filename=one.png
                Content-Transfer-Encoding: base64

                %s
                --m
                Content-Type: image/png
                Content-Disposition: attachment; filename=two.png
                Content-Transfer-Encoding: base64

                %s
                --m--
                """.formatted(big, small, small));
        assertThat(mail.attachments()).extracting(ParsedMail.MailPart::fileName).containsExactly("one.png");
        assertThat(mail.skipped()).hasSize(2);
        assertThat(mail.skipped().get(0)).startsWith("big.bin").contains("the attachment limit");
        assertThat(mail.skipped().get(1)).startsWith("two.png").contains("message's attachment limit");
    }

    @Test
    void fileNamesLoseTheirPaths() throws Exception {
        ParsedMail mail = parse("""
                From: a@b.example
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain
                Content-Disposition: attachment; filename="..\\\\..\\\\etc/passwd"

                x
                --m--
                """);
        assertThat(mail.attachments()).singleElement().extracting(ParsedMail.MailPart::fileName).isEqualTo("passwd");
    }

    @Test
    void malformedMimeStillGivesWhatCanBeRead() throws Exception {
        // the closing boundary is missing and a part has no headers: mail clients show it, so do we
        ParsedMail mail = parse("""
                From: a@b.example
                Content-Type: multipart/mixed; boundary=m

                --m
                Content-Type: text/plain

                the text
                --m
                """);
        assertThat(mail.text()).contains("the text");
    }

    @Test
    void aMessageWithoutSenderIsMalformed() {
        assertThatThrownBy(() -> parse("Subject: who?\n\nbody\n"))
                .isInstanceOf(MalformedMailException.class).hasMessageContaining("no usable sender address");
    }

    @Test
    void aMultipartWithoutBoundaryIsMalformed() {
        assertThatThrownBy(() -> parse("From: a@b.example\nContent-Type: multipart/mixed\n\nbody\n"))
                .isInstanceOf(MalformedMailException.class);
    }

    @Test
    void recognisesMachineMadeMail() throws Exception {
        assertThat(parse("From: a@b.example\nAuto-Submitted: auto-replied\n\nx\n").automation()).contains("Auto-Submitted");
        assertThat(parse("From: a@b.example\nAuto-Submitted: no\n\nx\n").automation()).isNull();
        assertThat(parse("From: a@b.example\nPrecedence: bulk\n\nx\n").automation()).isEqualTo("Precedence: bulk");
        assertThat(parse("From: a@b.example\nPrecedence: list\n\nx\n").automation()).isEqualTo("Precedence: list");
        assertThat(parse("From: MAILER-DAEMON@mx.example\n\nx\n").automation()).isEqualTo("sender mailer-daemon");
        assertThat(parse("From: a@b.example\nReturn-Path: <>\n\nx\n").automation()).isEqualTo("empty Return-Path");
        assertThat(parse("From: a@b.example\nList-Id: <news.b.example>\n\nx\n").automation()).isEqualTo("List-Id");
    }
}
