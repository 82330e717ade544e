package org.switchboard.channel.email;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import org.apache.camel.RoutesBuilder;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.EventConstants;
import org.osgi.service.event.EventHandler;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.event.Topics;
import org.switchboard.api.service.Interactions;
import org.switchboard.api.spi.ChannelSender;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.channel.email.ack.AutoAcknowledger;
import org.switchboard.channel.email.inbound.EmailInboundRoutes;
import org.switchboard.channel.email.inbound.InboundMailProcessor;
import org.switchboard.channel.email.outbound.SmtpSender;
import org.switchboard.channel.email.rejected.RejectedMail;
import org.switchboard.channel.email.store.EmailStore;

/**
 * One configured mailbox ({@code etc/org.switchboard.email~<name>.cfg}). While its configuration is
 * there it offers: the inbound route ({@link RoutesBuilder}, run by the Camel runtime), its
 * {@link ChannelSender} (property {@value ChannelSender#ENTRY_POINT_PROPERTY} = the mailbox's address)
 * when it has an SMTP host, and the ticket-opened listener of its acknowledgements when they are on.
 * The services depend on the configuration's values, so they are registered here rather than declared.
 */
@Component(configurationPid = MailboxConfig.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = MailboxConfig.class, factory = true)
public final class EmailMailbox {
    private static final Logger LOG = LoggerFactory.getLogger(EmailMailbox.class);

    private final List<ServiceRegistration<?>> registrations = new ArrayList<>();
    private final AutoAcknowledger acks;
    private final RejectedMail rejected;
    private final String name;
    private final InboundMailProcessor processor;

    @Activate
    public EmailMailbox(BundleContext context, MailboxConfig config, @Reference ContactIngress ingress,
                        @Reference EmailStore store, @Reference Interactions interactions,
                        @Reference RejectedMail rejected) {
        Mailbox mailbox = Mailbox.of(config);
        Clock clock = Clock.systemUTC();
        SmtpSender sender = new SmtpSender(mailbox, store);
        this.acks = new AutoAcknowledger(mailbox, store, interactions, sender, clock);
        this.processor = new InboundMailProcessor(mailbox, store, ingress, acks, clock);
        this.rejected = rejected;
        this.name = mailbox.name();

        Hashtable<String, Object> routeProps = new Hashtable<>();
        routeProps.put("switchboard.channel", "email");
        routeProps.put("switchboard.mailbox", mailbox.name());
        registrations.add(context.registerService(RoutesBuilder.class, new EmailInboundRoutes(mailbox, processor), routeProps));
        if (mailbox.smtp().enabled()) {
            Hashtable<String, Object> senderProps = new Hashtable<>();
            senderProps.put(ChannelSender.ENTRY_POINT_PROPERTY, mailbox.address());
            senderProps.put("switchboard.mailbox", mailbox.name());
            registrations.add(context.registerService(ChannelSender.class, sender, senderProps));
        }
        if (mailbox.autoAck().enabled()) {
            Hashtable<String, Object> handlerProps = new Hashtable<>();
            handlerProps.put(EventConstants.EVENT_TOPIC, Topics.TICKET_OPENED);
            registrations.add(context.registerService(EventHandler.class, acks, handlerProps));
        }
        LOG.info("Mailbox {} ({} {}:{}, folder {}) started; IMAP IDLE {}, replies {}, acknowledgements {}", mailbox.name(),
                mailbox.protocol(), mailbox.host(), mailbox.port(), mailbox.folder(), mailbox.idle() ? "on" : "off",
                mailbox.smtp().enabled() ? "on" : "off", mailbox.autoAck().enabled() ? "on" : "off");
        // its rejected mail can be replayed while it runs
        rejected.attach(name, processor);
    }

    @Deactivate
    void deactivate() {
        rejected.detach(name, processor);
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException e) {
                // already gone with the bundle
            }
        }
        acks.close();
    }
}
