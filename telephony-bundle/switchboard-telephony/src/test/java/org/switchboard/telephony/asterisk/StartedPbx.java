package org.switchboard.telephony.asterisk;

import java.time.Clock;
import org.switchboard.api.spi.ContactIngress;
import org.switchboard.api.spi.InteractionEvents;
import org.switchboard.telephony.call.CallListener;
import org.switchboard.telephony.testing.DialingPbx;
import org.switchboard.telephony.testing.PbxHarness;
import org.switchboard.telephony.testing.RecordingEvents;
import org.switchboard.telephony.testing.RecordingIngress;
import org.switchboard.telephony.testing.TestAgents;

/** The {@link AsteriskPbx} component configured for a fake PBX, started and registered with its dialer as DS would. */
public final class StartedPbx {
    private StartedPbx() {
    }

    public static AsteriskPbx start(DialingPbx env) {
        return start(env, PbxHarness.SECRET);
    }

    /** The component for this configuration, started, with agents of its own (reminder calls need none). */
    public static AsteriskPbx start(AsteriskConfig config) {
        AsteriskPbx pbx = new AsteriskPbx(config, new RecordingIngress(), new RecordingEvents(),
                new TestAgents(), call -> { }, Clock.systemUTC());
        pbx.start();
        return pbx;
    }

    /** Started, reporting to these stand-ins of the core and telling this listener of every inbound call that ended. */
    public static AsteriskPbx start(DialingPbx env, ContactIngress ingress, InteractionEvents events, CallListener listener) {
        AsteriskPbx pbx = new AsteriskPbx(DialingPbx.config(env.server.port(), PbxHarness.SECRET), ingress, events,
                env.agents, listener, Clock.systemUTC());
        pbx.start();
        env.register(pbx, pbx::stop);
        return pbx;
    }

    /** Started with this password. */
    public static AsteriskPbx start(DialingPbx env, String password) {
        AsteriskPbx pbx = new AsteriskPbx(DialingPbx.config(env.server.port(), password), new RecordingIngress(),
                new RecordingEvents(), env.agents, call -> { }, Clock.systemUTC());
        pbx.start();
        env.register(pbx, pbx::stop);
        return pbx;
    }
}
