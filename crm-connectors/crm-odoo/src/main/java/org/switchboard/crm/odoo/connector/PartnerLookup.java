package org.switchboard.crm.odoo.connector;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.api.Address;
import org.switchboard.api.CrmRef;
import org.switchboard.api.spi.CrmException;
import org.switchboard.api.spi.CrmMatch;
import org.switchboard.crm.odoo.rpc.OdooSession;

/**
 * Finds {@code res.partner} records by phone and email, the way Odoo can actually match them.
 *
 * <ul>
 * <li>Phones: {@code phone_mobile_search = <E.164>}. Odoo strips spaces, dots, slashes, parentheses and
 * dashes from {@code phone} and {@code mobile} in SQL, so {@code +74951234567} finds
 * {@code +7 (495) 123-45-67}. It knows nothing of trunk prefixes: {@code 8 916 555 12 34} is found
 * only through its national digits, {@code phone_mobile_search ilike 9165551234}, asked when the
 * first search found nobody. Plain {@code phone =} compares strings, and {@code phone_sanitized} holds
 * E.164 only where the server has the {@code phonenumbers} library; neither is used.</li>
 * <li>Emails: {@code email_normalized =}, the lower-cased bare address; {@code email} itself is
 * case-sensitive and may hold {@code "Name" <address>}.</li>
 * </ul>
 * Other kinds of address (messenger ids) are not searched; of the rest, the first {@value #MAX_ADDRESSES}.
 * Answers, including "nobody", are cached per address. A lookup never takes longer than the budget
 * it is given: the calls share it, and one that would exceed it fails as a retry.
 */
final class PartnerLookup {
    private static final Logger LOG = LoggerFactory.getLogger(PartnerLookup.class);
    static final String MODEL = "res.partner";
    static final int LIMIT = 10;
    /** The most addresses one lookup searches: a customer's first phones and emails. */
    static final int MAX_ADDRESSES = 10;
    /** The fewest national digits searched with ilike: shorter ones would match inside unrelated numbers. */
    static final int MIN_NATIONAL_DIGITS = 6;
    static final List<String> FIELDS = List.of("name", "display_name", "phone", "mobile", "phone_sanitized",
            "email", "email_normalized", "parent_id", "commercial_partner_id", "is_company");

    private final String connectorId;
    private final OdooSession session;
    private final OdooLinks links;
    private final LookupCache cache;
    private final Clock clock;
    private final boolean matchNationalNumbers;

    PartnerLookup(String connectorId, OdooSession session, OdooLinks links, LookupCache cache, Clock clock,
                  boolean matchNationalNumbers) {
        this.connectorId = connectorId;
        this.session = session;
        this.links = links;
        this.cache = cache;
        this.clock = clock;
        this.matchNationalNumbers = matchNationalNumbers;
    }

    /** The partners that match any of the addresses, each once, within {@code budget}. */
    List<CrmMatch> find(List<Address> addresses, Duration budget) throws CrmException {
        Instant deadline = clock.instant().plus(budget);
        Map<String, CrmMatch> found = new LinkedHashMap<>();
        List<Address> searchable = addresses.stream().filter(a -> a.isPhone() || a.isEmail()).distinct()
                .limit(MAX_ADDRESSES).toList();
        for (Address address : searchable) {
            Optional<List<CrmMatch>> cached = cache.get(address);
            List<CrmMatch> matches = cached.isPresent() ? cached.get() : ask(address, deadline);
            matches.forEach(m -> found.putIfAbsent(m.ref().externalId(), m));
        }
        return List.copyOf(found.values());
    }

    private List<CrmMatch> ask(Address address, Instant deadline) throws CrmException {
        List<CrmMatch> matches;
        if (address.isPhone()) {
            matches = search(address, "phone_mobile_search", "=", address.value(), deadline);
            Optional<String> national = matchNationalNumbers ? nationalDigits(address.value()) : Optional.empty();
            if (matches.isEmpty() && national.isPresent()) {
                matches = search(address, "phone_mobile_search", "ilike", national.get(), deadline);
            }
        } else {
            matches = search(address, "email_normalized", "=", address.value(), deadline);
        }
        LOG.debug("Odoo partners for {}: {}", address, matches.size());
        cache.put(address, matches);
        return matches;
    }

    private List<CrmMatch> search(Address address, String field, String operator, String value, Instant deadline)
            throws CrmException {
        Duration left = Duration.between(clock.instant(), deadline);
        if (left.toMillis() < 1) {
            throw CrmException.retry("Odoo partner lookup ran out of its time budget", null);
        }
        ArrayNode args = session.json().createArrayNode();
        args.addArray().addArray().add(field).add(operator).add(value);
        ObjectNode kwargs = session.json().createObjectNode();
        FIELDS.forEach(kwargs.putArray("fields")::add);
        kwargs.put("limit", LIMIT);
        JsonNode records = session.execute(MODEL, "search_read", args, kwargs, left);
        List<CrmMatch> matches = new ArrayList<>();
        for (JsonNode r : records) {
            long id = r.path("id").asLong();
            List<Address> known = new ArrayList<>();
            known.add(address);
            String email = Values.text(r.get("email_normalized"));
            if (email != null && !address.isEmail()) {
                try {
                    known.add(Address.email(email));
                } catch (RuntimeException e) {
                    LOG.debug("Odoo partner {} has an email Switchboard cannot read", id);
                }
            }
            String name = Values.text(r.get("name"));
            matches.add(new CrmMatch(new CrmRef(connectorId, MODEL, Long.toString(id), links.record(MODEL, id)),
                    name != null ? name : Values.text(r.get("display_name")), known));
        }
        return matches;
    }

    /** The national significant number of an E.164 number, e.g. 9165551234 for +79165551234. */
    static Optional<String> nationalDigits(String e164) {
        if (!e164.startsWith("+")) {
            return Optional.empty();
        }
        try {
            String national = PhoneNumberUtil.getInstance().getNationalSignificantNumber(
                    PhoneNumberUtil.getInstance().parse(e164, "ZZ"));
            return national.length() >= MIN_NATIONAL_DIGITS ? Optional.of(national) : Optional.empty();
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
