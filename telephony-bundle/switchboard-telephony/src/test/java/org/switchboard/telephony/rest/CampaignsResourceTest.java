package org.switchboard.telephony.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.ws.rs.core.Response;
import org.junit.jupiter.api.Test;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.NotFoundException;
import org.switchboard.telephony.campaign.Campaign;
import org.switchboard.telephony.campaign.CampaignStore;
import org.switchboard.telephony.testing.Callers;
import org.switchboard.telephony.testing.TestDatabase;

/** {@code /campaigns}: what a supervisor gets back, and the clear 400s for what they got wrong. */
class CampaignsResourceTest {
    private final CampaignsResource rest = new CampaignsResource(CampaignStore.onTables(TestDatabase.withSchema(), Clock.systemUTC()));

    @Test
    void createdCampaignIsAnsweredWithItsNumbersEachInItsCustomersTimeZone() {
        Response response = rest.create(request(List.of("+49 30 123-4567", "+4930 1234567",
                Map.of("number", "+7 495 123-45-67", "timeZone", "Europe/Moscow")), new CampaignRequest.Window("9:00", "19:00"),
                null), Callers.supervisor());

        assertThat(response.getStatus()).isEqualTo(201);
        Campaign campaign = (Campaign) response.getEntity();
        assertThat(campaign.status()).isEqualTo(Campaign.ACTIVE);
        assertThat(campaign.windowFrom()).isEqualTo("09:00");
        assertThat(campaign.pacing()).isEqualTo(10);
        assertThat(campaign.maxAttempts()).isEqualTo(3);
        assertThat(campaign.retryAfterMinutes()).isEqualTo(30);
        assertThat(campaign.numbers()).extracting(Campaign.Number::number, Campaign.Number::timeZone)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("+49301234567", "Europe/Berlin"),
                        org.assertj.core.groups.Tuple.tuple("+74951234567", "Europe/Moscow"));
        assertThat(campaign.counts()).containsExactly(Map.entry(Campaign.WAITING, 2));
        assertThat(rest.list(10)).singleElement().satisfies(c -> {
            assertThat(c.id()).isEqualTo(campaign.id());
            assertThat(c.numbers()).isEmpty();
            assertThat(c.counts()).containsEntry(Campaign.WAITING, 2);
        });
        assertThat(rest.get(campaign.id()).numbers()).hasSize(2);
    }

    @Test
    void numberOfACountryWithSeveralZonesTakesTheCampaignsZone() {
        CampaignRequest request = new CampaignRequest("Reminders", "Hello", new ArrayList<>(List.of("+74951234567")),
                new CampaignRequest.Window("09:00", "19:00"), null, null, null, null, "Asia/Novosibirsk", null);

        Campaign campaign = (Campaign) rest.create(request, Callers.supervisor()).getEntity();

        assertThat(campaign.numbers().get(0).timeZone()).isEqualTo("Asia/Novosibirsk");
    }

    @Test
    void theSameRequestIdTwiceIsOneCampaign() {
        CampaignRequest request = new CampaignRequest("Reminders", "Hello", numbers("+49301234567"),
                new CampaignRequest.Window("09:00", "19:00"), null, null, null, null, null, "crm-batch-42");

        Response first = rest.create(request, Callers.supervisor());
        Response second = rest.create(request, Callers.supervisor());

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(second.getStatus()).isEqualTo(200);
        assertThat(((Campaign) second.getEntity()).id()).isEqualTo(((Campaign) first.getEntity()).id());
        assertThat(rest.list(10)).hasSize(1);
    }

    @Test
    void badInputNamesTheField() {
        CampaignRequest.Window window = new CampaignRequest.Window("09:00", "19:00");
        assertField(new CampaignRequest(" ", "Hello", numbers("+49301234567"), window, null, null, null, null, null, null), "name");
        assertField(new CampaignRequest("R", "x".repeat(501), numbers("+49301234567"), window, null, null, null, null, null, null), "message");
        assertField(new CampaignRequest("R", "two\nlines", numbers("+49301234567"), window, null, null, null, null, null, null), "message");
        assertField(new CampaignRequest("R", "Hello", numbers(), window, null, null, null, null, null, null), "numbers");
        assertField(new CampaignRequest("R", "Hello", numbers("+49301234567", "call me"), window, null, null, null, null, null, null), "numbers[1]");
        assertField(new CampaignRequest("R", "Hello", numbers("+74951234567"), window, null, null, null, null, null, null), "numbers[0]");
        assertField(new CampaignRequest("R", "Hello", numbers("+49301234567"), null, null, null, null, null, null, null), "window");
        assertField(new CampaignRequest("R", "Hello", numbers("+49301234567"), new CampaignRequest.Window("9am", "19:00"), null, null, null, null, null, null), "window.from");
        assertField(new CampaignRequest("R", "Hello", numbers("+49301234567"), new CampaignRequest.Window("19:00", "19:00"), null, null, null, null, null, null), "window.to");
        assertField(new CampaignRequest("R", "Hello", numbers("+49301234567"), window, 0, null, null, null, null, null), "pacing");
        assertField(new CampaignRequest("R", "Hello", numbers("+49301234567"), window, null, 11, null, null, null, null), "maxAttempts");
        assertField(new CampaignRequest("R", "Hello", numbers("+49301234567"), window, null, null, 0, null, null, null), "retryAfterMinutes");
        assertField(new CampaignRequest("R", "Hello", numbers("+49301234567"), window, null, null, null, null, "Mars/Olympus", null), "timeZone");
        assertThat(rest.list(10)).isEmpty();
    }

    @Test
    void unknownCampaignIsNotFound() {
        assertThatThrownBy(() -> rest.get(42)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> rest.cancel(42)).isInstanceOf(NotFoundException.class);
    }

    private void assertField(CampaignRequest request, String field) {
        assertThatThrownBy(() -> rest.create(request, Callers.supervisor()))
                .isInstanceOfSatisfying(InvalidContactException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static List<Object> numbers(String... numbers) {
        return new ArrayList<>(List.of(numbers));
    }

    private static CampaignRequest request(List<Object> numbers, CampaignRequest.Window window, Integer pacing) {
        return new CampaignRequest("Appointments", "Your appointment is tomorrow", new ArrayList<>(numbers), window,
                pacing, null, null, null, null, null);
    }
}
