package org.switchboard.channel.email.testing;

/** Messages as customers send them, in raw form. */
public final class Mails {
    private Mails() {
    }

    /** A plain new message from Anna about order {@code n}, Message-ID {@code <order-n@customer.example>}. */
    public static String order(int n) {
        return "From: \"Anna Schmidt\" <Anna@Customer.example>\n"
                + "To: support@example.com\n"
                + "Subject: Order " + n + " is late\n"
                + "Message-ID: <order-" + n + "@customer.example>\n"
                + "Date: Sun, 22 Nov 2026 10:00:00 +0000\n"
                + "Content-Type: text/plain; charset=UTF-8\n"
                + "\n"
                + "Where is my order " + n + "?\n";
    }

    /** A message as {@link jakarta.mail.Message}, as a mailbox hands it to its processor. */
    public static jakarta.mail.internet.MimeMessage message(String raw) {
        try {
            return new jakarta.mail.internet.MimeMessage(jakarta.mail.Session.getInstance(new java.util.Properties()),
                    new java.io.ByteArrayInputStream(raw.replace("\r\n", "\n").replace("\n", "\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Anna's message with a PDF whose name has an umlaut, and a text file with a name that tries to leave its folder. */
    public static String withAttachments(String messageId) {
        return "From: \"Anna Schmidt\" <anna@customer.example>\n"
                + "To: support@example.com\n"
                + "Subject: Invoice attached\n"
                + "Message-ID: <" + messageId + ">\n"
                + "MIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=\"b1\"\n"
                + "\n"
                + "--b1\n"
                + "Content-Type: text/plain; charset=UTF-8\n"
                + "\n"
                + "The invoice is attached.\n"
                + "--b1\n"
                + "Content-Type: application/pdf\n"
                + "Content-Disposition: attachment; filename*=UTF-8''Rechnung%20M%C3%A4rz.pdf\n"
                + "Content-Transfer-Encoding: base64\n"
                + "\n"
                + "JVBERi0xLjQKJcOkw7zDtsOfCg==\n"
                + "--b1\n"
                + "Content-Type: text/plain; name=\"x.txt\"\n"
                + "Content-Disposition: attachment; filename=\"..\\\\..\\\\evil;\\\"name.txt\"\n"
                + "\n"
                + "plain\n"
                + "--b1--\n";
    }
}
