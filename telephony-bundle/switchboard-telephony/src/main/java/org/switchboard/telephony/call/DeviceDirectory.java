package org.switchboard.telephony.call;

import java.util.Optional;

/** Which agent a PBX device (the phone that rings, e.g. {@code PJSIP/1001}) belongs to. */
@FunctionalInterface
public interface DeviceDirectory {

    /**
     * The agent of a device.
     *
     * @param device a device ({@code PJSIP/1001}) or a channel on it ({@code PJSIP/1001-00000003})
     * @return the agent's id, or empty for a device no agent has
     */
    Optional<String> agentFor(String device);

    /** The device a channel runs on: {@code PJSIP/1001-00000003} becomes {@code PJSIP/1001}. */
    static String deviceOf(String channel) {
        if (channel == null) {
            return "";
        }
        int slash = channel.indexOf('/');
        int dash = channel.lastIndexOf('-');
        return dash > slash && slash > 0 ? channel.substring(0, dash) : channel;
    }
}
