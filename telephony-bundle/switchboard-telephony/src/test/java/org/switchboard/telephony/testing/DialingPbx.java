package org.switchboard.telephony.testing;

import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.switchboard.telephony.ami.FakeAmiServer;
import org.switchboard.telephony.asterisk.AsteriskConfig;
import org.switchboard.telephony.callback.CallbackStore;
import org.switchboard.telephony.callback.Dialer;

/** A fake PBX, the {@code AsteriskPbx} component configured for it, and a {@link Dialer} placing calls through it. */
public final class DialingPbx implements AutoCloseable {
    public final FakeAmiServer server;
    public final TestAgents agents = new TestAgents();
    public final CallbackStore store = CallbackStore.onTables(TestDatabase.withSchema(), Clock.systemUTC(), CoreNumbers.inRegion("US"));
    public final Dialer dialer = new Dialer(agents, store);
    private final AtomicReference<AutoCloseable> pbx = new AtomicReference<>();

    public DialingPbx() throws IOException {
        server = new FakeAmiServer(PbxHarness.USER, PbxHarness.SECRET);
    }

    public static AsteriskConfig config(int port) {
        return config(port, PbxHarness.SECRET);
    }

    public static AsteriskConfig config(int port, String password) {
        return Configs.of(AsteriskConfig.class, Map.of("name", PbxHarness.PBX, "port", port,
                "username", PbxHarness.USER, "_password", password, "reconnectMinMillis", 50,
                "reconnectMaxMillis", 400, "responseTimeoutMillis", 2000));
    }

    /** Registers the PBX with the dialer, as DS would. */
    public void register(org.switchboard.api.spi.Telephony telephony, AutoCloseable stop) {
        dialer.addTelephony(telephony, Map.of());
        pbx.set(stop);
    }

    @Override
    public void close() throws Exception {
        AutoCloseable stop = pbx.get();
        if (stop != null) {
            stop.close();
        }
        server.close();
    }
}
