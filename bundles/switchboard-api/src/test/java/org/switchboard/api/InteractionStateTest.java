package org.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InteractionStateTest {

    @Test
    void finalStatesGoNowhere() {
        for (InteractionState s : InteractionState.values()) {
            assertThat(s.next().isEmpty()).as(s.name()).isEqualTo(s.isFinal());
        }
    }

    @Test
    void anOfferCanGoBackToTheQueue() {
        assertThat(InteractionState.OFFERED.canMoveTo(InteractionState.QUEUED)).isTrue();
    }

    @Test
    void anActiveInteractionCannotBeAbandoned() {
        assertThat(InteractionState.ACTIVE.canMoveTo(InteractionState.ABANDONED)).isFalse();
    }
}
