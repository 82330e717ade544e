package org.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InboundContactTest {

    private InboundContact.Builder contact() {
        return InboundContact.builder(Channel.EMAIL, "<m1@example.com>", Address.email("ann@example.org"))
                .occurredAt(Instant.parse("2026-11-22T10:00:00Z"));
    }

    @Test
    void defaultsRoutingToTheCoreAndThreadingToNone() {
        InboundContact c = contact().build();
        assertThat(c.routing()).isEqualTo(RoutingMode.CORE);
        assertThat(c.thread()).isEqualTo(ThreadHints.NONE);
        assertThat(c.metadata()).isEmpty();
    }

    @Test
    void aMissingExternalIdIsRefusedNamingTheField() {
        assertThatThrownBy(() -> InboundContact.builder(Channel.EMAIL, " ", Address.email("a@b.c")).build())
                .isInstanceOf(InvalidContactException.class)
                .hasMessage("externalId is required");
    }

    @Test
    void anOversizedBodyIsRefused() {
        String body = "x".repeat(InboundContact.MAX_BODY + 1);
        assertThatThrownBy(() -> contact().body(body).build())
                .isInstanceOf(InvalidContactException.class)
                .hasMessage("body is longer than 1000000 characters");
    }

    @Test
    void tooManyMetadataEntriesAreRefused() {
        Map<String, String> many = new HashMap<>();
        for (int i = 0; i <= InboundContact.MAX_METADATA; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> contact().metadata(many).build())
                .isInstanceOf(InvalidContactException.class)
                .hasMessageStartingWith("metadata has more than");
    }

    @Test
    void summaryIsTheFirstLineOfTheSubjectOrBody() {
        assertThat(contact().subject("Order 42\nsecond").build().summary()).isEqualTo("Order 42");
        assertThat(contact().body("\n  Hello there\nmore").build().summary()).isEqualTo("Hello there");
        assertThat(contact().build().summary()).isEmpty();
    }

    @Test
    void blankOptionalFieldsBecomeNull() {
        InboundContact c = contact().subject("  ").entryPoint("").build();
        assertThat(c.subject()).isNull();
        assertThat(c.entryPoint()).isNull();
    }
}
