package org.switchboard.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.switchboard.api.Address;

class AddressNormalizerTest {
    private final AddressNormalizer germany = new AddressNormalizer("DE");

    @Test
    void aNationalNumberIsReadInTheDefaultRegion() {
        assertThat(germany.normalize(Address.phone("030 1234567"))).isEqualTo(Address.phone("+49301234567"));
    }

    @Test
    void anInternationalNumberKeepsItsCountryWhateverTheRegion() {
        assertThat(germany.normalize(Address.phone("+7 (916) 555-12-34"))).isEqualTo(Address.phone("+79165551234"));
        assertThat(germany.normalize(Address.phone("0049 30 1234567"))).isEqualTo(Address.phone("+49301234567"));
    }

    @Test
    void withoutARegionOnlyNumbersWithACountryCodeAreRead() {
        AddressNormalizer none = new AddressNormalizer("ZZ");
        assertThat(none.normalize(Address.phone("+44 20 7946 0018"))).isEqualTo(Address.phone("+442079460018"));
        assertThat(none.normalize(Address.phone("020 7946 0018"))).isEqualTo(Address.phone("02079460018"));
    }

    @Test
    void somethingThatIsNotANumberIsKeptAndIdentifiesNobody() {
        Address anonymous = germany.normalize(Address.phone("anonymous"));
        assertThat(anonymous.value()).isEqualTo("anonymous");
        assertThat(germany.identifies(anonymous)).isFalse();
        assertThat(germany.identifies(germany.normalize(Address.phone("+49301234567")))).isTrue();
    }

    @Test
    void emailsAndMessengerIdsPassUnchanged() {
        assertThat(germany.normalize(Address.email("ann@example.org"))).isEqualTo(Address.email("ann@example.org"));
        assertThat(germany.normalize(new Address("telegram", "123456789"))).isEqualTo(new Address("telegram", "123456789"));
    }

    @Test
    void anUnknownRegionIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> new AddressNormalizer("Germany"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("phone.defaultRegion");
    }
}
