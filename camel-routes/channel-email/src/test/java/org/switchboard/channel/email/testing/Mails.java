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
}
