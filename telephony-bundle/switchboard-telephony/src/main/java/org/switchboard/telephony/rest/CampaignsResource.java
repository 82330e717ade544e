package org.switchboard.telephony.rest;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.security.RolesAllowed;
import javax.ws.rs.BadRequestException;
import javax.ws.rs.Consumes;
import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.switchboard.api.InvalidContactException;
import org.switchboard.api.NotFoundException;
import org.switchboard.telephony.callback.PhoneNumbers;
import org.switchboard.telephony.campaign.Campaign;
import org.switchboard.telephony.campaign.CampaignStore;
import org.switchboard.telephony.campaign.CustomerZones;

/**
 * Reminder call campaigns: {@code POST /campaigns} creates one (answered 201 with the campaign; the same
 * {@code requestId} again is answered 200 with the campaign it created),
 * {@code GET /campaigns?limit=} lists them newest first with their counts, {@code GET /campaigns/{id}}
 * shows one with every number's result, {@code POST /campaigns/{id}/cancel} stops it.
 */
@Component(service = Object.class, property = "switchboard.rest.resource=true")
@Path("/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignsResource {
    static final int MAX_NAME = 200;
    static final int MAX_MESSAGE = 500;
    static final int MAX_NUMBERS = 10_000;
    static final int MAX_PACING = 600;
    static final int MAX_ATTEMPTS = 10;
    static final int MAX_RETRY_MINUTES = 7 * 24 * 60;
    static final int MAX_LIMIT = 1000;
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter H_MM = DateTimeFormatter.ofPattern("H:mm");

    private final CampaignStore store;

    @Activate
    public CampaignsResource(@Reference CampaignStore store) {
        this.store = store;
    }

    @GET
    @RolesAllowed({"supervisor", "admin"})
    public List<Campaign> list(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidContactException("limit", "must be within 1.." + MAX_LIMIT);
        }
        return store.list(limit);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"supervisor", "admin"})
    public Campaign get(@PathParam("id") long id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed({"supervisor", "admin"})
    public Campaign cancel(@PathParam("id") long id) {
        return store.cancel(id).orElseThrow(() -> new NotFoundException("campaign", id));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"supervisor", "admin"})
    public Response create(CampaignRequest request, @Context SecurityContext caller) {
        if (request == null) {
            throw new BadRequestException("a JSON object {\"name\",\"message\",\"numbers\",\"window\",\"pacing\","
                    + "\"maxAttempts\",\"retryAfterMinutes\",\"pbx\"} is expected");
        }
        String name = text("name", request.name(), MAX_NAME);
        String message = text("message", request.message(), MAX_MESSAGE);
        if (request.window() == null) {
            throw new InvalidContactException("window", "is required: {\"from\":\"09:00\",\"to\":\"19:00\"}");
        }
        LocalTime from = time("window.from", request.window().from());
        LocalTime to = time("window.to", request.window().to());
        if (from.equals(to)) {
            throw new InvalidContactException("window.to", "must differ from window.from (a window that ends before it "
                    + "starts crosses midnight: 20:00 to 02:00)");
        }
        int pacing = within("pacing", request.pacing(), 10, MAX_PACING);
        int maxAttempts = within("maxAttempts", request.maxAttempts(), 3, MAX_ATTEMPTS);
        int retryAfter = within("retryAfterMinutes", request.retryAfterMinutes(), 30, MAX_RETRY_MINUTES);
        String timeZone = request.timeZone() == null || request.timeZone().isBlank() ? null
                : zone("timeZone", request.timeZone());
        String pbx = request.pbx() == null || request.pbx().isBlank() ? null : text("pbx", request.pbx(), 64);
        String requestId = request.requestId() == null || request.requestId().isBlank() ? null
                : text("requestId", request.requestId(), 64);
        Map<String, String> numbers = numbers(request.numbers(), timeZone);
        String by = caller == null || caller.getUserPrincipal() == null ? null : caller.getUserPrincipal().getName();
        long id = store.create(new CampaignStore.NewCampaign(name, message, from.format(HH_MM), to.format(HH_MM),
                timeZone, pacing, maxAttempts, retryAfter, pbx, by, numbers, requestId));
        Response.Status status = id > 0 ? Response.Status.CREATED : Response.Status.OK;
        return Response.status(status).entity(store.find(Math.abs(id)).orElseThrow())
                .type(MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Map<String, String> numbers(List<Object> given, String campaignZone) {
        if (given == null || given.isEmpty()) {
            throw new InvalidContactException("numbers", "must list at least one number");
        }
        if (given.size() > MAX_NUMBERS) {
            throw new InvalidContactException("numbers", "must list at most " + MAX_NUMBERS + " numbers");
        }
        Map<String, String> zoneByNumber = new LinkedHashMap<>();
        for (int i = 0; i < given.size(); i++) {
            String field = "numbers[" + i + "]";
            Object entry = given.get(i);
            String raw;
            String ownZone = null;
            if (entry instanceof String s) {
                raw = s;
            } else if (entry instanceof Map<?, ?> m) {
                raw = m.get("number") instanceof String s ? s : null;
                if (m.get("timeZone") instanceof String z && !z.isBlank()) {
                    ownZone = zone(field + ".timeZone", z);
                }
            } else {
                throw new InvalidContactException(field, "must be a number or {\"number\",\"timeZone\"}");
            }
            String number = PhoneNumbers.dialable(field, raw);
            Optional<String> zone = Optional.ofNullable(ownZone)
                    .or(() -> CustomerZones.of(number).map(ZoneId::getId))
                    .or(() -> Optional.ofNullable(campaignZone));
            zoneByNumber.putIfAbsent(number, zone.orElseThrow(() -> new InvalidContactException(field,
                    number + ": its time zone is not known from its country; give {\"number\",\"timeZone\"} "
                            + "or the campaign's timeZone")));
        }
        return zoneByNumber;
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidContactException(field, "is required");
        }
        String v = value.strip();
        if (v.length() > max) {
            throw new InvalidContactException(field, "is longer than " + max + " characters");
        }
        if (v.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidContactException(field, "must be one line without control characters");
        }
        return v;
    }

    private static LocalTime time(String field, String value) {
        try {
            return LocalTime.parse(value == null ? "" : value.strip(), H_MM);
        } catch (DateTimeParseException e) {
            throw new InvalidContactException(field, "must be a time of day HH:mm such as 09:00");
        }
    }

    private static int within(String field, Integer value, int otherwise, int max) {
        int v = value == null ? otherwise : value;
        if (v < 1 || v > max) {
            throw new InvalidContactException(field, "must be within 1.." + max);
        }
        return v;
    }

    private static String zone(String field, String value) {
        try {
            return ZoneId.of(value.strip()).getId();
        } catch (DateTimeException e) {
            throw new InvalidContactException(field, "must be a time zone such as Europe/Moscow");
        }
    }
}
