package org.switchboard.telephony.rest;

/**
 * {@code POST /callbacks}: a customer asks to be called back.
 *
 * @param number        the customer's number
 * @param name          their name, at most 200 characters, or {@code null}
 * @param preferredTime when they want the call, ISO-8601 ({@code 2026-11-23T09:30:00Z}), or {@code null} for
 *                      as soon as an agent is free
 */
public record CallbackRequest(String number, String name, String preferredTime) {
}
