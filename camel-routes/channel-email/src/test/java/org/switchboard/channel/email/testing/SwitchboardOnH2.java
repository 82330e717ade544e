package org.switchboard.channel.email.testing;

import java.sql.SQLException;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.switchboard.api.service.InteractionDetails;
import org.switchboard.api.service.InteractionFilter;
import org.switchboard.core.Core;
import org.switchboard.core.identity.CrmDirectory;
import org.switchboard.core.outbox.ChannelSenders;
import org.switchboard.core.service.HealthServiceImpl;
import org.switchboard.crm.local.TicketLinks;
import org.switchboard.crm.local.connector.LocalCrmConnector;
import org.switchboard.crm.local.store.LocalCrmSchema;
import org.switchboard.crm.local.store.TicketNumbers;
import org.switchboard.crm.local.store.TicketStore;
import org.switchboard.jdbc.testing.TestDatabases;

/**
 * The real Switchboard core with the built-in CRM (crm-local) on one H2 database, as Karaf wires them;
 * its events go to a listener (EventAdmin's part).
 */
public final class SwitchboardOnH2 implements AutoCloseable {
    public final DataSource dataSource = TestDatabases.h2();
    public final Core core;
    /** The channel senders the core's outbox sends agents' replies through (DS binds them in Karaf). */
    public final ChannelSenders senders = new ChannelSenders();
    private volatile BiConsumer<String, Map<String, Object>> listener = (topic, props) -> { };

    public SwitchboardOnH2() throws SQLException {
        LocalCrmSchema.update(dataSource);
        CrmDirectory crms = new CrmDirectory();
        crms.add(new LocalCrmConnector(new TicketStore(dataSource, Clock.systemUTC()), new TicketNumbers("SB-", 6),
                new TicketLinks("http://localhost:8181")), 0);
        core = Core.start(dataSource, Clock.systemUTC(), (topic, props) -> listener.accept(topic, new HashMap<>(props)),
                Core.Settings.defaults(), crms, senders, new HealthServiceImpl());
    }

    public void onEvent(BiConsumer<String, Map<String, Object>> l) {
        this.listener = l;
    }

    /** The interaction that the contact with this external id became. */
    public Optional<InteractionDetails> byExternalId(String externalId) {
        List<org.switchboard.api.Interaction> latest = core.interactions().list(InteractionFilter.latest(InteractionFilter.MAX_LIMIT));
        for (org.switchboard.api.Interaction i : latest) {
            Optional<InteractionDetails> d = core.interactions().find(i.id());
            if (d.isPresent() && d.get().contact() != null && externalId.equals(d.get().contact().externalId())) {
                return d;
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        core.close();
    }
}
