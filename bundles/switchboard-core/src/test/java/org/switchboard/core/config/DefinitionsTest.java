package org.switchboard.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Agent;
import org.switchboard.api.Channel;
import org.switchboard.api.Queue;

class DefinitionsTest {

    @Test
    void aQueueFileBecomesAQueueNamedAfterTheFile() {
        QueueConfig c = mock(QueueConfig.class);
        when(c.id()).thenReturn("");
        when(c.name()).thenReturn("Sales");
        when(c.entryPoints()).thenReturn(new String[] {"sales@acme.example, +4930555*"});
        when(c.channels()).thenReturn(new String[] {"email", "voice"});
        when(c.skills()).thenReturn(new String[] {"sales,de"});
        when(c.priority()).thenReturn(5);
        when(c.serviceLevelPercent()).thenReturn(90);
        when(c.serviceLevelSeconds()).thenReturn(30);
        when(c.script()).thenReturn("Hello!\\nHow can I help?");

        Queue q = QueueDefinition.toQueue(c, Map.of("service.pid", "org.switchboard.queue~sales"));

        assertThat(q.id()).isEqualTo("sales");
        assertThat(q.entryPoints()).containsExactly("sales@acme.example", "+4930555*");
        assertThat(q.channels()).containsExactlyInAnyOrder(Channel.EMAIL, Channel.VOICE);
        assertThat(q.skills()).containsExactlyInAnyOrder("sales", "de");
        assertThat(q.serviceLevel().percent()).isEqualTo(90);
        assertThat(q.serviceLevel().threshold()).isEqualTo(Duration.ofSeconds(30));
        assertThat(q.script()).isEqualTo("Hello!\nHow can I help?");
    }

    @Test
    void anAgentFileBecomesAnAgentWithCapacityPerChannel() {
        AgentConfig c = mock(AgentConfig.class);
        when(c.id()).thenReturn("");
        when(c.name()).thenReturn("Alice Martin");
        when(c.login()).thenReturn("alice");
        when(c.extensions()).thenReturn(new String[] {"PJSIP/1001"});
        when(c.skills()).thenReturn(new String[] {"sales"});
        when(c.capacity()).thenReturn(new String[] {"voice:1,email:5", "webchat:3"});
        when(c.branch()).thenReturn("berlin");

        Agent a = AgentDefinition.toAgent(c, Map.of("service.pid", "org.switchboard.agent~alice"));

        assertThat(a.id()).isEqualTo("alice");
        assertThat(a.capacity()).containsExactlyInAnyOrderEntriesOf(Map.of("voice", 1, "email", 5, "webchat", 3));
        assertThat(a.capacityFor(Channel.TELEGRAM)).isEqualTo(1);
        assertThat(a.branch()).isEqualTo("berlin");
    }

    @Test
    void aCapacityWithoutCountIsRefusedWithAnExample() {
        assertThatThrownBy(() -> ConfigValues.counts("capacity", new String[] {"email"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("channel:count, e.g. email:5");
        assertThatThrownBy(() -> ConfigValues.counts("capacity", new String[] {"email:many"}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whole number");
    }

    @Test
    void anExplicitIdWinsOverTheFileName() {
        assertThat(ConfigValues.factoryId("vip", Map.of("service.pid", "org.switchboard.queue~sales"))).isEqualTo("vip");
    }
}
