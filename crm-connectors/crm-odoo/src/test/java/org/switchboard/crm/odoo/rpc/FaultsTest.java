package org.switchboard.crm.odoo.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.switchboard.api.spi.CrmException.Disposition;
import org.switchboard.crm.odoo.fake.Fixtures;

class FaultsTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "odoo.exceptions.AccessDenied, REJECT",
            "odoo.exceptions.AccessError, REJECT",
            "odoo.exceptions.MissingError, REJECT",
            "odoo.exceptions.ValidationError, REJECT",
            "odoo.exceptions.UserError, REJECT",
            "builtins.ValueError, REJECT",
            "builtins.TypeError, REJECT",
            "builtins.KeyError, REJECT",
            "Exception, REJECT",
            "psycopg2.OperationalError, RETRY",
            "psycopg2.errors.SerializationFailure, RETRY",
            "odoo.exceptions.ConcurrencyError, RETRY"})
    void odoosExceptionsAreRetriedOnlyWhenTheyPass(String fault, Disposition expected) {
        assertThat(Faults.of(fault)).isEqualTo(expected);
    }

    @Test
    void aSearchConditionIsLeftOutOfTheMessage() {
        String recorded = Fixtures.responseBody("72-error-unknown-field-in-domain").path("error").path("data")
                .path("message").asText();

        String message = Faults.rpc("res.partner.search", "builtins.ValueError", recorded).getMessage();

        assertThat(message).isEqualTo("Odoo refused res.partner.search: ValueError: "
                + "Invalid field res.partner.phone_number in a search condition");
    }

    @Test
    void emailsAndInternationalNumbersAreLeftOutOfTheMessage() {
        String message = Faults.rpc("crm.lead.create", "odoo.exceptions.ValidationError",
                "Duplicate: Ivan.Petrov@Example.org already has +7 (495) 123-45-67 and 0049 30 1234567").getMessage();

        assertThat(message).contains("Duplicate: <email> already has <phone> and <phone>")
                .doesNotContain("Petrov").doesNotContain("495");
    }

    @Test
    void recordIdsAndDatesStayInTheMessage() {
        String message = Faults.rpc("res.partner.write", "odoo.exceptions.MissingError",
                "Record does not exist or has been deleted.\n(Record: res.partner(999999,), User: 2)").getMessage();

        assertThat(message).endsWith("Record does not exist or has been deleted. (Record: res.partner(999999,), User: 2)");
    }
}
