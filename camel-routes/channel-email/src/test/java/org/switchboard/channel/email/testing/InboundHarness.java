package org.switchboard.channel.email.testing;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.switchboard.channel.email.Mailbox;
import org.switchboard.channel.email.inbound.EmailInboundRoutes;
import org.switchboard.channel.email.inbound.InboundMailProcessor;
import org.switchboard.channel.email.store.EmailSchema;
import org.switchboard.channel.email.store.EmailStore;
import org.switchboard.jdbc.testing.TestDatabases;

/** A mailbox's inbound route in a real CamelContext, over H2, handing contacts to a {@link FakeIngress}. */
public final class InboundHarness implements AutoCloseable {
    public final FakeIngress ingress = new FakeIngress();
    public final DataSource dataSource;
    public final EmailStore store;
    /** Exchanges (messages handled by the route) that completed without an error. */
    public final AtomicInteger completed = new AtomicInteger();
    private final CamelContext camel = new DefaultCamelContext();
    /** The route, once started. */
    public EmailInboundRoutes routes;
    private final Mailbox mailbox;
    private final InboundMailProcessor.AckPolicy acks;

    public InboundHarness(Mailbox mailbox) {
        this(mailbox, TestDatabases.h2(), null);
    }

    public InboundHarness(Mailbox mailbox, DataSource dataSource, InboundMailProcessor.AckPolicy acks) {
        this.mailbox = mailbox;
        this.dataSource = dataSource;
        EmailSchema.update(dataSource);
        this.store = new EmailStore(dataSource, Clock.systemUTC());
        this.acks = acks == null ? (mail, sourceId, receipt) -> { } : acks;
    }

    public InboundMailProcessor processor() {
        return new InboundMailProcessor(mailbox, store, ingress, acks, Clock.systemUTC());
    }

    /** Starts polling the mailbox. */
    public InboundHarness start() throws Exception {
        return start(new EmailInboundRoutes(mailbox, processor()));
    }

    /** Starts these routes of the mailbox. */
    public InboundHarness start(EmailInboundRoutes routes) throws Exception {
        this.routes = routes;
        camel.getManagementStrategy().addEventNotifier(new EventNotifierSupport() {
            @Override
            public void notify(CamelEvent event) {
                if (event instanceof CamelEvent.ExchangeCompletedEvent e && e.getExchange().getException() == null) {
                    completed.incrementAndGet();
                }
            }
        });
        camel.addRoutes(routes);
        camel.start();
        return this;
    }

    public void stop() {
        camel.stop();
    }

    @Override
    public void close() {
        camel.stop();
    }
}
