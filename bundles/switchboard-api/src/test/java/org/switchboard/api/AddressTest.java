package org.switchboard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AddressTest {

    @Test
    void emailsAreLowerCasedAndTrimmed() {
        assertThat(Address.email("  Ivan.Petrov@Example.COM ").value()).isEqualTo("ivan.petrov@example.com");
    }

    @Test
    void anEmailWithoutAnAtSignIsRefusedNamingTheField() {
        assertThatThrownBy(() -> Address.email("ivan.example.com"))
                .isInstanceOf(InvalidContactException.class)
                .hasMessage("address.value is not an email address")
                .extracting(e -> ((InvalidContactException) e).field()).isEqualTo("address.value");
    }

    @Test
    void aBlankValueIsRefused() {
        assertThatThrownBy(() -> Address.phone("  "))
                .isInstanceOf(InvalidContactException.class)
                .hasMessage("address.value is required");
    }

    @Test
    void parsesWhatToStringWrites() {
        Address phone = Address.phone("+4930123456");
        assertThat(Address.parse(phone.toString())).isEqualTo(phone);
        assertThat(Address.parse("Email:Ann@Example.org")).isEqualTo(Address.email("ann@example.org"));
    }

    @Test
    void parseWithoutKindSaysHowToWriteIt() {
        assertThatThrownBy(() -> Address.parse("+4930123456"))
                .isInstanceOf(InvalidContactException.class)
                .hasMessageContaining("kind:value");
    }

    @Test
    void kindsAreIdsNotFreeText() {
        assertThatThrownBy(() -> new Address("Tele gram", "42"))
                .isInstanceOf(InvalidContactException.class)
                .hasMessageStartingWith("address.kind must be");
    }
}
