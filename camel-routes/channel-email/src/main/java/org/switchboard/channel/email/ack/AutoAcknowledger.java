package org.switchboard.channel.email.ack;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.Receipt;
import org.switchboard.api.ThreadHints;
import org.switchboard.api.TicketRef;
import org.switchboard.api.event.EventProperties;
import org.switchboard.api.service.Interactions;
import org.switchboard.api.spi.ChannelSender;
import org.switchboard.api.spi.DeliveryException;
import org.switchboard.api.spi.OutboundMessage;
import org.switchboard.channel.email.Mailbox;
import org.switchboard.channel.email.inbound.InboundMailProcessor;
import org.switchboard.channel.email.mime.ParsedMail;
import org.switchboard.channel.email.outbound.SmtpSender;
import org.switchboard.channel.email.store.EmailStore;

/**
 * Answers a new conversation with its ticket number, without ever feeding a mail loop.
 *
 * <p>The number exists only once the CRM opened the ticket, after the contact was accepted. So an
 * accepted message that may be answered is recorded as a <em>pending</em> acknowledgement
 * ({@code email_acks}); when the core announces {@code org/switchboard/ticket/OPENED} for a
 * conversation, the pending acknowledgements of this mailbox are tied to their conversations (via
 * {@link Interactions#find}) and the ones of that conversation are sent with the ticket's number.
 * A message that joined an existing conversation never sees an OPENED event: its pending row expires
 * after {@value #EXPIRY_HOURS} hours. Sending happens on a thread of its own, never on EventAdmin's.
 *
 * <p><b>Loops.</b> Never answered: messages with {@code Auto-Submitted} (other than {@code no}),
 * {@code Precedence: bulk/list/junk}, {@code List-Id}, an empty {@code Return-Path}, from
 * mailer-daemon, postmaster or no-reply senders, delivery reports, or from our own addresses; and at
 * most {@code autoAckPerHour} acknowledgements per address and hour. Our acknowledgements carry
 * {@code Auto-Submitted: auto-replied}, so well-behaved robots do not answer them either.
 */
public final class AutoAcknowledger implements InboundMailProcessor.AckPolicy, EventHandler, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AutoAcknowledger.class);
    static final int EXPIRY_HOURS = 24;
    private static final int BATCH = 1000;

    private final Mailbox mailbox;
    private final EmailStore store;
    private final Interactions interactions;
    private final ChannelSender sender;
    private final Clock clock;
    private final ExecutorService worker;

    public AutoAcknowledger(Mailbox mailbox, EmailStore store, Interactions interactions, ChannelSender sender, Clock clock) {
        this.mailbox = mailbox;
        this.store = store;
        this.interactions = interactions;
        this.sender = sender;
        this.clock = clock;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "switchboard-email-ack-" + mailbox.name());
            t.setDaemon(true);
            return t;
        });
    }

    /** Why this message must not be answered automatically, or {@code null} if it may be. */
    public String whyNotAnswer(ParsedMail mail) {
        if (mail.automation() != null) {
            return mail.automation();
        }
        if (mailbox.isOwn(mail.from())) {
            return "sent from one of our own addresses";
        }
        return null;
    }

    @Override
    public void accepted(ParsedMail mail, String sourceId, Receipt receipt) throws SQLException {
        if (!mailbox.autoAck().enabled()) {
            return;
        }
        String why = whyNotAnswer(mail);
        if (why != null) {
            LOG.debug("Mailbox {}: no acknowledgement for {}: {}", mailbox.name(), sourceId, why);
            return;
        }
        store.addPendingAck(mailbox.name(), sourceId, receipt.interactionId(), mail.from(), mail.subject());
    }

    @Override
    public void handleEvent(Event event) {
        Object conversation = event.getProperty(EventProperties.CONVERSATION_ID);
        Object ticket = event.getProperty(EventProperties.TICKET);
        if (conversation instanceof Long id && ticket instanceof TicketRef ref) {
            try {
                worker.execute(() -> ticketOpened(id, ref));
            } catch (RejectedExecutionException e) {
                LOG.debug("Mailbox {}: stopping, ticket {} not acknowledged", mailbox.name(), ref.number());
            }
        }
    }

    /** Sends the pending acknowledgements of this conversation with the ticket's number; expires old ones. */
    public void ticketOpened(long conversationId, TicketRef ticket) {
        try {
            Instant expiry = clock.instant().minus(Duration.ofHours(EXPIRY_HOURS));
            List<EmailStore.PendingAck> pending = store.pendingAcks(mailbox.name(), BATCH);
            for (EmailStore.PendingAck p : pending) {
                Long conv = p.conversationId();
                if (conv == null) {
                    conv = interactions.find(p.interactionId()).map(d -> d.interaction().conversationId()).orElse(null);
                    if (conv != null) {
                        store.ackConversation(mailbox.name(), p.sourceId(), conv);
                    }
                }
                if (Objects.equals(conv, conversationId)) {
                    acknowledge(p, conversationId, ticket);
                } else if (p.createdAt().isBefore(expiry)) {
                    store.finishAck(mailbox.name(), p.sourceId(), false);
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("Mailbox {}: acknowledgement of ticket {} failed: {}", mailbox.name(), ticket.number(), e.getMessage());
        }
    }

    private void acknowledge(EmailStore.PendingAck p, long conversationId, TicketRef ticket) throws SQLException {
        int sent = store.acksSentTo(p.recipient(), clock.instant().minus(Duration.ofHours(1)));
        if (sent >= mailbox.autoAck().perHour()) {
            store.finishAck(mailbox.name(), p.sourceId(), false);
            LOG.info("Mailbox {}: no acknowledgement of ticket {}: the sender had {} in the last hour already",
                    mailbox.name(), ticket.number(), sent);
            return;
        }
        String subject = fill(mailbox.autoAck().subject(), ticket, p.subject());
        String body = fill(mailbox.autoAck().body(), ticket, p.subject());
        boolean isMessageId = !p.sourceId().matches("^(uid|sha256|size):.*");
        OutboundMessage ack = new OutboundMessage("ack:" + p.sourceId(), Channel.EMAIL, Address.email(p.recipient()),
                mailbox.address(), conversationId, p.interactionId(), null, subject, body,
                new ThreadHints(null, isMessageId ? p.sourceId() : null, List.of()),
                Map.of(SmtpSender.META_AUTO_SUBMITTED, "auto-replied"));
        try {
            sender.send(ack);
            store.finishAck(mailbox.name(), p.sourceId(), true);
            LOG.debug("Mailbox {}: acknowledged ticket {} to {}", mailbox.name(), ticket.number(), p.recipient());
        } catch (DeliveryException e) {
            store.finishAck(mailbox.name(), p.sourceId(), false);
            LOG.warn("Mailbox {}: the acknowledgement of ticket {} could not be sent: {}", mailbox.name(),
                    ticket.number(), e.getMessage());
        }
    }

    private static String fill(String template, TicketRef ticket, String subject) {
        return template.replace("{ticket}", ticket.number()).replace("{subject}", subject == null ? "" : subject).strip();
    }

    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
