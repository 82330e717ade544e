package org.switchboard.telephony.campaign;

/**
 * One reminder call to place.
 *
 * @param callId   unique per attempt: the call's ActionID and ChannelId (so its Linkedid)
 * @param number   the customer's number, as the PBX dials it
 * @param message  what the reminder context says to the customer
 */
public record ReminderCall(String callId, long campaignId, long numberId, String number, String message) {
}
