package org.switchboard.telephony.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;
import org.switchboard.api.Channel;
import org.switchboard.api.Customer;
import org.switchboard.api.Direction;
import org.switchboard.api.EndReason;
import org.switchboard.api.Interaction;
import org.switchboard.api.InteractionState;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.Presence;
import org.switchboard.api.Queue;
import org.switchboard.api.QueueStatus;
import org.switchboard.api.service.Customers;
import org.switchboard.api.service.Queues;
import org.switchboard.telephony.testing.Configs;
import org.switchboard.telephony.testing.TestAgents;

/** {@code GET /route}: what the dialplan learns about a caller before it rings anyone. */
class RouteResourceTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");
    private final TestAgents agents = new TestAgents();
    private final KnownCustomers customers = new KnownCustomers();
    private final RouteResource route = new RouteResource(customers, agents, new SupportQueue(),
            Configs.of(RouteConfig.class, Map.of("vipNumbers", new String[] {"+7 495 987-65-43"})));

    @Test
    void knownCallerGetsTheirNameTheirLastAgentAndTheQueueOfTheDid() {
        customers.add(new Customer(7, "Ivan Petrov", List.of(Address.phone("+74951234567")), List.of(), T),
                interaction(1, "agent-1002", T), interaction(2, "agent-1001", T), interaction(3, "agent-1002", null));

        RouteAnswer answer = route.route("+74951234567", "74957654321");

        assertThat(answer.customerId()).isEqualTo(7);
        assertThat(answer.displayName()).isEqualTo("Ivan Petrov");
        assertThat(answer.vip()).isFalse();
        assertThat(answer.preferredAgent()).isEqualTo("agent-1001");
        assertThat(answer.preferredDevice()).isEqualTo("PJSIP/1001");
        assertThat(answer.preferredAvailable()).isTrue();
        assertThat(answer.queue()).isEqualTo("support");
    }

    @Test
    void preferredAgentWhoIsAwayIsNamedButNotAvailable() {
        customers.add(new Customer(7, null, List.of(Address.phone("+74951234567")), List.of(), T),
                interaction(2, "agent-1001", T));
        agents.setPresence("agent-1001", Presence.AWAY, "lunch");

        assertThat(route.route("+74951234567", null).preferredAvailable()).isFalse();
    }

    @Test
    void vipIsRecognisedWhicheverWayTheNumberWasWritten() {
        assertThat(route.route("+74959876543", "74957654321").vip()).isTrue();
    }

    @Test
    void unknownCallerGetsOnlyTheQueue() {
        RouteAnswer answer = route.route("+74950000000", "74957654321");

        assertThat(answer.customerId()).isNull();
        assertThat(answer.displayName()).isNull();
        assertThat(answer.preferredAgent()).isNull();
        assertThat(answer.queue()).isEqualTo("support");
    }

    @Test
    void numberThatIsNoNumberIsA400NamingTheField() {
        assertThatThrownBy(() -> route.route("anonymous", "74957654321"))
                .isInstanceOfSatisfying(InvalidContactException.class, e -> assertThat(e.field()).isEqualTo("number"));
    }

    private static Interaction interaction(long id, String agent, Instant answeredAt) {
        return new Interaction(id, id, Channel.VOICE, Direction.INBOUND, InteractionState.CLOSED, 7L, null, "support",
                agent, "", T, T, T, answeredAt, T, T, null, answeredAt == null ? EndReason.MISSED : EndReason.COMPLETED);
    }

    /** The core's customers, reduced to what the route needs; history newest first as the core gives it. */
    private static final class KnownCustomers implements Customers {
        private final List<Customer> known = new ArrayList<>();
        private final List<Interaction> history = new ArrayList<>();

        void add(Customer customer, Interaction... newestLast) {
            known.add(customer);
            for (Interaction i : newestLast) {
                history.add(0, i);
            }
        }

        @Override
        public Optional<Customer> find(long id) {
            return known.stream().filter(c -> c.id() == id).findFirst();
        }

        @Override
        public Optional<Customer> findByAddress(Address address) {
            return known.stream().filter(c -> c.addresses().contains(address)).findFirst();
        }

        @Override
        public List<Interaction> history(long customerId, int limit) {
            return history.stream().filter(i -> i.customerId() == customerId).limit(limit).toList();
        }
    }

    private static final class SupportQueue implements Queues {
        private final Queue support = new Queue("support", "Support", List.of("74957654321"), Set.of(Channel.VOICE),
                Set.of(), 0, null, null);

        @Override
        public List<QueueStatus> list() {
            return List.of(new QueueStatus(support, 0, 0, 0, java.time.Duration.ZERO, 1, 1));
        }

        @Override
        public Optional<QueueStatus> find(String queueId) {
            return list().stream().filter(q -> q.queue().id().equals(queueId)).findFirst();
        }
    }
}
