package org.switchboard.channel.email.inbound;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mail.MailEndpoint;
import org.apache.camel.support.DefaultPollingConsumerPollStrategy;
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
 *
 * <p>The polls run on the mailbox's own {@link PollScheduler} thread, every {@code pollDelayMillis}; with
 * {@code idle} (IMAP) an {@link IdleWatcher} holds a second connection in IMAP {@code IDLE} and wakes the
 * scheduler when a message arrives, so it is fetched at once. Both start and stop with the route's
 * consumer.
 */
public final class EmailInboundRoutes extends RouteBuilder {
    /** How often the IDLE command is ended and started again (RFC 2177: at least every 29 minutes). */
    static final long IDLE_RENEW_MILLIS = 5 * 60_000L;
    private static final long INITIAL_DELAY_MILLIS = 100;

    private final Mailbox mailbox;
    private final InboundMailProcessor processor;
    private final long idleRenewMillis;
    private volatile IdleWatcher watcher;

    public EmailInboundRoutes(Mailbox mailbox, InboundMailProcessor processor) {
        this(mailbox, processor, IDLE_RENEW_MILLIS);
    }

    EmailInboundRoutes(Mailbox mailbox, InboundMailProcessor processor, long idleRenewMillis) {
        this.mailbox = mailbox;
        this.processor = processor;
        this.idleRenewMillis = idleRenewMillis;
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
        PollScheduler scheduler = new PollScheduler(mailbox.name(), INITIAL_DELAY_MILLIS, mailbox.pollDelayMillis(),
                mailbox.idle() ? idleRenewMillis : 0);
        if (mailbox.idle()) {
            watcher = new IdleWatcher(mailbox, scheduler::wake);
            scheduler.alongWith(watcher::start, watcher::stop);
            scheduler.keepAliveWith(watcher::keepAlive);
        }
        // as the URI option scheduler=#bean would: the endpoint resolves its scheduler when it is configured
        Map<String, Object> schedulerOption = new HashMap<>();
        schedulerOption.put("scheduler", scheduler);
        endpoint.configureProperties(schedulerOption);
        endpoint.setPollStrategy(new DefaultPollingConsumerPollStrategy() {
            @Override
            public boolean rollback(Consumer consumer, Endpoint failed, int retryCounter, Exception cause) throws Exception {
                scheduler.pollFailed();
                return super.rollback(consumer, failed, retryCounter, cause);
            }
        });
        from(endpoint)
                .routeId(routeId(mailbox))
                .process(processor).id("email.accept");
    }

    /** IDLE connections opened so far (again after a drop: more than one); 0 without IDLE. */
    int idleConnections() {
        IdleWatcher w = watcher;
        return w == null ? 0 : w.connections.get();
    }

    /** IDLE commands ended and started again by the keep-alive so far. */
    int idleRenewals() {
        IdleWatcher w = watcher;
        return w == null ? 0 : w.renewals.get();
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
                .append("&initialDelay=").append(INITIAL_DELAY_MILLIS)
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
