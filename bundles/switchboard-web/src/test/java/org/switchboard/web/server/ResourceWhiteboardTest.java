package org.switchboard.web.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.api.service.Queues;
import org.switchboard.web.queues.QueuesResource;
import org.switchboard.web.testing.ApiFixture;
import org.switchboard.web.testing.ContributedResource;
import org.switchboard.web.testing.Samples;
import org.switchboard.web.testing.TestUser;
import org.switchboard.web.testing.UnannotatedResource;

class ResourceWhiteboardTest {
    private final Queues queues = mock(Queues.class);
    private ApiFixture api;

    @BeforeEach
    void start() throws Exception {
        when(queues.list()).thenReturn(List.of(Samples.queue("support")));
        api = ApiFixture.start(new QueuesResource(queues));
    }

    @AfterEach
    void stop() throws Exception {
        api.close();
    }

    @Test
    void aResourceThatComesIsServedBesideTheOthers() {
        assertThat(api.get("/contributed", TestUser.IVY).statusCode()).isEqualTo(404);

        api.add(new ContributedResource());

        assertThat(api.get("/contributed", TestUser.IVY).statusCode()).isEqualTo(200);
        assertThat(api.get("/queues", TestUser.ALICE).statusCode()).isEqualTo(200);
    }

    @Test
    void aResourceThatGoesIsNoLongerServed() {
        ContributedResource contributed = new ContributedResource();
        api.add(contributed);

        api.api().remove(contributed);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> api.get("/contributed", TestUser.IVY).statusCode() == 404);
        assertThat(api.get("/queues", TestUser.ALICE).statusCode()).isEqualTo(200);
    }

    @Test
    void aContributedResourceKeepsItsOwnRoles() {
        api.add(new ContributedResource());

        assertThat(api.get("/contributed", TestUser.ALICE).statusCode()).isEqualTo(403);
        assertThat(api.get("/contributed", null).statusCode()).isEqualTo(401);
    }

    @Test
    void aResourceWithoutRoleAnnotationsIsForAdminsOnly() {
        api.add(new UnannotatedResource());

        assertThat(api.get("/unannotated", TestUser.SAM).statusCode()).isEqualTo(403);
        assertThat(api.get("/unannotated", TestUser.ADA).statusCode()).isEqualTo(200);
    }

    @Test
    void aBurstOfComingAndGoingEndsWithWhatIsThereAtTheEnd() {
        ContributedResource contributed = new ContributedResource();
        UnannotatedResource unannotated = new UnannotatedResource();
        for (int i = 0; i < 10; i++) {
            api.api().add(contributed, null);
            api.api().add(unannotated, null);
            api.api().remove(unannotated);
        }

        api.awaitServed(contributed);
        assertThat(api.get("/contributed", TestUser.IVY).statusCode()).isEqualTo(200);
        assertThat(api.get("/unannotated", TestUser.ADA).statusCode()).isEqualTo(404);
        assertThat(api.get("/queues", TestUser.ALICE).statusCode()).isEqualTo(200);
    }
}
