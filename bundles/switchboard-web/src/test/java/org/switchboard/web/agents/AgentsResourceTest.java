package org.switchboard.web.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Presence;
import org.switchboard.api.service.Agents;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;

class AgentsResourceTest {
    private final Agents agents = mock(Agents.class);
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        when(agents.findByLogin("alice")).thenReturn(Optional.of(Samples.agent("a1", "alice")));
        when(agents.findByLogin("bob")).thenReturn(Optional.of(Samples.agent("b1", "bob")));
        when(agents.setPresence(anyString(), any(), any())).thenReturn(Samples.agent("a1", "alice"));
        api = ApiFixture.start(new AgentsResource(agents));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void meIsTheSignedInAgentInTheShapeOfTheContract() {
        HttpResponse<String> response = api.get("/agents/me", TestUser.ALICE);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode me = api.json(response);
        assertThat(me.properties()).extracting(e -> e.getKey()).containsExactlyInAnyOrder("id", "name", "login",
                "extensions", "skills", "capacity", "branch", "presence", "reason", "since", "idleSince", "interactions");
        assertThat(me.path("id").asText()).isEqualTo("a1");
        assertThat(me.path("presence").asText()).isEqualTo("AVAILABLE");
        assertThat(me.path("since").asText()).isEqualTo("2026-11-22T10:00:00Z");
        assertThat(me.path("reason").isNull()).isTrue();
        assertThat(me.path("skills").toString()).isEqualTo("[\"billing\",\"en\"]");
        assertThat(me.path("capacity").path("email").asInt()).isEqualTo(3);
        assertThat(me.path("interactions").get(0).asLong()).isEqualTo(7L);
    }

    @Test
    void aUserWhoIsNoAgentHasNoMe() {
        when(agents.findByLogin("sam")).thenReturn(Optional.empty());

        assertThat(api.get("/agents/me", TestUser.SAM).statusCode()).isEqualTo(403);
    }

    @Test
    void anAgentSetsTheirOwnPresence() {
        HttpResponse<String> response = api.put("/agents/me/presence", TestUser.ALICE,
                "{\"presence\":\"away\",\"reason\":\"lunch\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        verify(agents).setPresence("a1", Presence.AWAY, "lunch");
    }

    @Test
    void anAgentSetsTheirOwnPresenceByTheirId() {
        assertThat(api.put("/agents/a1/presence", TestUser.ALICE, "{\"presence\":\"OFFLINE\"}").statusCode())
                .isEqualTo(200);
        verify(agents).setPresence("a1", Presence.OFFLINE, null);
    }

    @Test
    void anAgentCannotSetSomebodyElsesPresence() {
        HttpResponse<String> response = api.put("/agents/b1/presence", TestUser.ALICE, "{\"presence\":\"OFFLINE\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        verify(agents, never()).setPresence(anyString(), any(), any());
    }

    @Test
    void aSupervisorSetsAnyAgentsPresence() {
        assertThat(api.put("/agents/b1/presence", TestUser.SAM, "{\"presence\":\"AVAILABLE\"}").statusCode())
                .isEqualTo(200);
        verify(agents).setPresence("b1", Presence.AVAILABLE, null);
    }

    @Test
    void anUnknownPresenceIsAnswered400NamingTheField() {
        HttpResponse<String> response = api.put("/agents/me/presence", TestUser.ALICE, "{\"presence\":\"ASLEEP\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(api.json(response).path("field").asText()).isEqualTo("presence");
    }

    @Test
    void theListHasEveryAgent() {
        when(agents.list()).thenReturn(List.of(Samples.agent("a1", "alice"), Samples.agent("b1", "bob")));

        JsonNode list = api.json(api.get("/agents", TestUser.SAM));

        assertThat(list.findValuesAsText("id")).containsExactly("a1", "b1");
    }
}
