package org.switchboard.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Agent;
import org.switchboard.telephony.testing.TestAgents;

/** How a ringing device finds its agent on one PBX. */
class AgentDevicesTest {
    private final TestAgents agents = new TestAgents();
    private final MovableClock clock = new MovableClock();
    private final AgentDevices devices = new AgentDevices("pbx1", "PJSIP", agents, clock);

    @Test
    void channelOfAnAgentsDeviceFindsTheAgent() {
        assertThat(devices.agentFor(DeviceDirectory.deviceOf("PJSIP/1001-0000002a"))).contains("agent-1001");
        assertThat(devices.agentFor("pjsip/1001")).contains("agent-1001");
    }

    @Test
    void bareExtensionMeansTheDefaultTechnology() {
        assertThat(devices.agentFor("PJSIP/1002")).contains("agent-1002");
        assertThat(devices.deviceOf(agents.find("agent-1002").orElseThrow().agent())).contains("PJSIP/1002");
    }

    @Test
    void agentOfAnotherBranchDoesNotRingHere() {
        assertThat(devices.agentFor("PJSIP/1009")).isEmpty();
        assertThat(new AgentDevices("other-branch", "PJSIP", agents, clock).agentFor("PJSIP/1009")).contains("agent-9");
    }

    @Test
    void agentAddedLaterIsFoundOnceTheMapMayBeRebuilt() {
        assertThat(devices.agentFor("SIP/2001")).isEmpty();
        agents.add(new Agent("agent-2001", "New", "neo", List.of("SIP/2001"), Set.of(), Map.of(), null));

        assertThat(devices.agentFor("SIP/2001")).as("rebuilt at most once per second").isEmpty();
        clock.now = clock.now.plus(AgentDevices.REFRESH);
        assertThat(devices.agentFor("SIP/2001")).contains("agent-2001");
    }

    @Test
    void deviceOfAChannelIsThePartBeforeTheLastDash() {
        assertThat(DeviceDirectory.deviceOf("PJSIP/trunk-00000000")).isEqualTo("PJSIP/trunk");
        assertThat(DeviceDirectory.deviceOf("PJSIP/1001")).isEqualTo("PJSIP/1001");
        assertThat(DeviceDirectory.deviceOf("Local/agent1@agents-00000001;1")).isEqualTo("Local/agent1@agents");
    }

    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-11-22T10:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
