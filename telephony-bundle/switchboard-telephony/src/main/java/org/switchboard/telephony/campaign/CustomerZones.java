package org.switchboard.telephony.campaign;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;

/**
 * The time zone a customer's number is in, from its country: the countries that keep one civil time all over
 * (listed here) have theirs; for any other country (Russia, the United States, Brazil, …) the zone must be given
 * with the number or for the campaign. libphonenumber's geocoder (which knows zones per area code) is not
 * used: it is not an OSGi bundle and is not available to the build.
 */
public final class CustomerZones {
    /** Countries with one time zone (the mainland's, where islands differ). */
    static final Map<String, String> ONE_ZONE = Map.ofEntries(
            Map.entry("AM", "Asia/Yerevan"), Map.entry("AT", "Europe/Vienna"), Map.entry("AZ", "Asia/Baku"),
            Map.entry("BE", "Europe/Brussels"), Map.entry("BG", "Europe/Sofia"), Map.entry("BY", "Europe/Minsk"),
            Map.entry("CH", "Europe/Zurich"), Map.entry("CN", "Asia/Shanghai"), Map.entry("CZ", "Europe/Prague"),
            Map.entry("DE", "Europe/Berlin"), Map.entry("DK", "Europe/Copenhagen"), Map.entry("EE", "Europe/Tallinn"),
            Map.entry("FI", "Europe/Helsinki"), Map.entry("FR", "Europe/Paris"), Map.entry("GB", "Europe/London"),
            Map.entry("GE", "Asia/Tbilisi"), Map.entry("GR", "Europe/Athens"), Map.entry("HK", "Asia/Hong_Kong"),
            Map.entry("HR", "Europe/Zagreb"), Map.entry("HU", "Europe/Budapest"), Map.entry("IE", "Europe/Dublin"),
            Map.entry("IL", "Asia/Jerusalem"), Map.entry("IN", "Asia/Kolkata"), Map.entry("IT", "Europe/Rome"),
            Map.entry("JP", "Asia/Tokyo"), Map.entry("KG", "Asia/Bishkek"), Map.entry("KR", "Asia/Seoul"),
            Map.entry("LT", "Europe/Vilnius"), Map.entry("LU", "Europe/Luxembourg"), Map.entry("LV", "Europe/Riga"),
            Map.entry("MD", "Europe/Chisinau"), Map.entry("NL", "Europe/Amsterdam"), Map.entry("NO", "Europe/Oslo"),
            Map.entry("PL", "Europe/Warsaw"), Map.entry("RO", "Europe/Bucharest"), Map.entry("RS", "Europe/Belgrade"),
            Map.entry("SE", "Europe/Stockholm"), Map.entry("SG", "Asia/Singapore"), Map.entry("SI", "Europe/Ljubljana"),
            Map.entry("SK", "Europe/Bratislava"), Map.entry("TJ", "Asia/Dushanbe"), Map.entry("TR", "Europe/Istanbul"),
            Map.entry("UA", "Europe/Kyiv"), Map.entry("AE", "Asia/Dubai"), Map.entry("UZ", "Asia/Tashkent"),
            Map.entry("ZA", "Africa/Johannesburg"));

    private CustomerZones() {
    }

    /** The zone of a number written with its country code ({@code +49…}), when its country has only one. */
    public static Optional<ZoneId> of(String number) {
        if (number == null || !number.startsWith("+")) {
            return Optional.empty();
        }
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            String region = util.getRegionCodeForNumber(util.parse(number, null));
            return Optional.ofNullable(region == null ? null : ONE_ZONE.get(region)).map(ZoneId::of);
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }
}
