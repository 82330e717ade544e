package org.switchboard.api;

/**
 * A way customers reach the contact center. An open set of ids, so that an integrator can add a
 * channel ({@code slack}, {@code viber}, …) without a new API version.
 *
 * @param id lower-case, 1 to 32 characters of {@code a-z 0-9 - _}, starting with a letter
 */
public record Channel(String id) {
    public static final Channel VOICE = new Channel("voice");
    public static final Channel EMAIL = new Channel("email");
    public static final Channel WEBCHAT = new Channel("webchat");
    public static final Channel TELEGRAM = new Channel("telegram");
    public static final Channel WHATSAPP = new Channel("whatsapp");
    public static final Channel WEBHOOK = new Channel("webhook");

    public Channel {
        Checks.id("channel", id);
    }

    public static Channel of(String id) {
        return new Channel(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
