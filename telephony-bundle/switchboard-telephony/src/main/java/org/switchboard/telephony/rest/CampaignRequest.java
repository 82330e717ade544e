package org.switchboard.telephony.rest;

import java.util.List;

/**
 * {@code POST /campaigns}: a reminder call campaign.
 *
 * @param numbers           the customers' numbers: strings ({@code "+49301234567"}), or objects
 *                          {@code {"number","timeZone"}} for a number whose country has several time zones
 * @param window            when customers may be called, in each one's own time zone
 * @param pacing            most calls started per minute (default 10)
 * @param maxAttempts       calls per number at most, retries included (default 3)
 * @param retryAfterMinutes pause before calling again after no answer or busy (default 30)
 * @param pbx               the PBX to call through (default: the first configured)
 * @param timeZone          the zone of numbers whose country has several and that give none
 * @param requestId         the caller's id for this request: sent again, it creates nothing new
 */
public record CampaignRequest(String name, String message, List<Object> numbers, Window window, Integer pacing,
                              Integer maxAttempts, Integer retryAfterMinutes, String pbx, String timeZone,
                              String requestId) {

    /** {@code {"from":"09:00","to":"19:00"}}: from inclusive, to exclusive, the same day. */
    public record Window(String from, String to) {
    }
}
