package org.switchboard.itests.support;

import org.switchboard.itests.distribution.SwitchboardInstance;
import org.switchboard.telephony.ami.FakeAmiServer;

/** Points an unpacked distribution's telephony at a fake Asterisk on this machine. */
public final class FakePbx {
    private FakePbx() {
    }

    /**
     * Boots {@code switchboard-telephony} with the instance and configures the PBX {@code name} to log in
     * to {@code ami} as {@code user}; calls that enter the dialplan in {@code from-trunk} are inbound.
     */
    public static void connect(SwitchboardInstance instance, String name, FakeAmiServer ami, String user, String secret) {
        instance.bootFeature("switchboard-telephony");
        String pid = "org.switchboard.telephony.asterisk-" + name;
        instance.configure(pid, "name", name);
        instance.configure(pid, "host", "127.0.0.1");
        instance.configure(pid, "port", Integer.toString(ami.port()));
        instance.configure(pid, "username", user);
        instance.configure(pid, ".password", secret);
        instance.configure(pid, "inboundContexts", "from-trunk");
    }
}
