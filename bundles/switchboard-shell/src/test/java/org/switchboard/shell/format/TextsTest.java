package org.switchboard.shell.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextsTest {

    @Test
    void masksCredentialsInUrls() {
        assertThat(Texts.redacted("GET https://admin:pa55@crm.example.org/api failed"))
                .isEqualTo("GET https://***@crm.example.org/api failed");
    }

    @Test
    void masksSecretSettings() {
        assertThat(Texts.redacted("token=abc123&x=1, password: hunter2, \"api_key\":\"k-9\""))
                .isEqualTo("token=***&x=1, password: ***, \"api_key\":\"***\"");
    }

    @Test
    void masksAuthorizationValues() {
        assertThat(Texts.redacted("401 for Authorization: Bearer eyJhbGciOi.x.y")).isEqualTo("401 for Authorization: Bearer ***");
    }

    @Test
    void keepsTheFirstLineWithinTheWidth() {
        assertThat(Texts.oneLine("  A long first line\nsecond", 10)).isEqualTo("A long fi…");
    }
}
