package org.switchboard.channel.email.inbound;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailEndpoint;
import org.switchboard.channel.email.Mailbox;

/**
 * The route that reads one mailbox with camel-mail: {@code email.<name>.inbound}.
 *
 * <p>IMAP: only unseen messages, peeked (reading does not flag them); camel-mail flags a message seen
 * (or moves it) only when the exchange completed, i.e. after {@link InboundMailProcessor} returned,
 * which it does once the core stored the contact. A failed exchange leaves it unseen for the next
 * poll. POP3 has no flags: every poll lists the mailbox, and the {@code email_seen} table tells the
 * processor what it already took. Nothing is ever deleted. On IMAP, {@link BulkFetch} reads envelopes,
 * flags, headers and small messages for a whole poll in two commands instead of several round trips
 * per message; it reads with {@code PEEK}, so it flags nothing.
 */
public final class EmailInboundRoutes extends RouteBuilder {
    private final Mailbox mailbox;
    private final InboundMailProcessor processor;

    public EmailInboundRoutes(Mailbox mailbox, InboundMailProcessor processor) {
        this.mailbox = mailbox;
        this.processor = processor;
    }

    public static String routeId(Mailbox mailbox) {
        return "email." + mailbox.name() + ".inbound";
    }

    @Override
    public void configure() {
        // a failed message is rolled back to unseen and comes again with the next poll: one line, no stack trace
        errorHandler(defaultErrorHandler().retriesExhaustedLogLevel(LoggingLevel.WARN).logStackTrace(false)
                .logExhaustedMessageHistory(false));
        MailEndpoint endpoint = getContext().getEndpoint(uri(mailbox), MailEndpoint.class);
        endpoint.getConfiguration().setPassword(mailbox.password());
        if (mailbox.protocol() == Mailbox.Protocol.IMAP) {
            endpoint.setMailUidGenerator(new BulkFetch(mailbox.maxMessagesPerPoll()));
        }
        from(endpoint)
                .routeId(routeId(mailbox))
                .process(processor).id("email.accept");
    }

    /** The camel-mail endpoint, without the password: that goes into the endpoint's configuration only. */
    static String uri(Mailbox m) {
        String scheme = switch (m.protocol()) {
            case IMAP -> m.tls() ? "imaps" : "imap";
            case POP3 -> m.tls() ? "pop3s" : "pop3";
        };
        StringBuilder uri = new StringBuilder(scheme).append("://").append(m.host()).append(':').append(m.port())
                .append("?username=").append(raw(m.user()))
                .append("&folderName=").append(encode(m.folder()))
                .append("&mapMailMessage=false&peek=true&delete=false")
                .append("&unseen=").append(m.protocol() == Mailbox.Protocol.IMAP)
                .append("&delay=").append(m.pollDelayMillis())
                .append("&initialDelay=100")
                .append("&maxMessagesPerPoll=").append(m.maxMessagesPerPoll())
                .append("&connectionTimeout=").append(m.timeoutMillis());
        if (m.moveTo() != null) {
            uri.append("&moveTo=").append(encode(m.moveTo()));
        }
        return uri.toString();
    }

    private static String raw(String value) {
        return value.indexOf(')') < 0 ? "RAW(" + value + ")" : "RAW{" + value + "}";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
